package al.antitrafficking.etl.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of choices with weights, drawn from a given random source. */
final class Weighted<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T item, double weight) {
        if (weight > 0) {
            total += weight;
            items.add(item);
            cumulative.add(total);
        }
        return this;
    }

    T draw(SplittableRandom random) {
        if (items.isEmpty()) {
            throw new IllegalStateException("Cannot draw from an empty set of choices");
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            if (x < cumulative.get(i)) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    @SafeVarargs
    static <T> Weighted<T> of(Object... itemWeightPairs) {
        Weighted<T> w = new Weighted<>();
        for (int i = 0; i < itemWeightPairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            T item = (T) itemWeightPairs[i];
            w.add(item, ((Number) itemWeightPairs[i + 1]).doubleValue());
        }
        return w;
    }
}
