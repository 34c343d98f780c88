package al.antitrafficking.warehouse.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal numbers, e-mail addresses and phone numbers, from the patterns of {@code patterns.properties}. A phone
 * number is found in two steps: a candidate run of digits and separators, then its digits (a leading + kept) against
 * each {@code phone.N} pattern; a candidate that is none is tried again part by part, for a number written beside
 * another ("069 123 4567 2025").
 */
final class NumberPatterns {
    private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Pattern personalNumber;
    private final Pattern email;
    private final Pattern phoneCandidate;
    private final Pattern notDate;
    private final int phoneMinDigits;
    private final List<Pattern> phones;

    NumberPatterns(Properties p) {
        personalNumber = compile(p, "personal-number");
        email = compile(p, "email");
        phoneCandidate = compile(p, "phone-candidate");
        notDate = compile(p, "phone-not-date");
        phoneMinDigits = Integer.parseInt(required(p, "phone-min-digits"));
        phones = new ArrayList<>();
        for (int i = 1; p.getProperty("phone." + i) != null; i++) {
            phones.add(compile(p, "phone." + i));
        }
        if (phones.isEmpty()) {
            throw new IllegalStateException("Cannot load the personal-data guard: patterns.properties has no phone.1");
        }
    }

    boolean personalNumber(String value) {
        return value.length() >= 10 && personalNumber.matcher(value).find();
    }

    boolean email(String value) {
        return value.indexOf('@') >= 0 && email.matcher(value).find();
    }

    boolean phone(String value) {
        Matcher m = phoneCandidate.matcher(value);
        while (m.find()) {
            String candidate = m.group().strip();
            if (isPhone(candidate)) {
                return true;
            }
            // A number beside another ("069 123 4567 2025", "on 0691234567 24 hours"): any run of its spaced parts.
            String[] parts = SPACES.split(candidate);
            for (int from = 0; from < parts.length; from++) {
                for (int to = from + 1; to <= parts.length; to++) {
                    if ((from > 0 || to < parts.length) && isPhone(String.join(" ", Arrays.copyOfRange(parts, from, to)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isPhone(String candidate) {
        String digits = NOT_DIGITS.matcher(candidate).replaceAll("");
        if (digits.length() < phoneMinDigits || notDate.matcher(candidate).matches()) {
            return false;
        }
        String number = (candidate.startsWith("+") ? "+" : "") + digits;
        for (Pattern phone : phones) {
            if (phone.matcher(number).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(Properties p, String key) {
        return Pattern.compile(required(p, key));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Cannot load the personal-data guard: patterns.properties lacks " + key);
        }
        return value;
    }
}
