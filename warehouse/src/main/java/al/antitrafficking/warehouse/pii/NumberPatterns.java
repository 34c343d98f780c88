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
 *
 * <p>Every field of every file passes here (the file scan reads them on several threads), and a matcher made per value
 * and pattern was a tenth of the scan's time: each thread keeps one matcher per pattern and resets it to the value, then to
 * the empty text, so that no value stays reachable from a matcher after its check.
 */
final class NumberPatterns {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Pattern personalNumber;
    private final Pattern email;
    private final Pattern phoneCandidate;
    private final Pattern notDate;
    private final int phoneMinDigits;
    private final List<Pattern> phones;
    private final ThreadLocal<Matchers> matchers;

    /**
     * One thread's matchers of the patterns above (a matcher is not safe to share between threads). Static, holding the
     * patterns only: a thread's matchers must not keep these patterns' owner, and with it the thread-local's key, reachable
     * once the guard is dropped.
     */
    private static final class Matchers {
        final Matcher personalNumber;
        final Matcher email;
        final Matcher phoneCandidate;
        final Matcher notDate;
        final Matcher[] phones;

        Matchers(Pattern personalNumber, Pattern email, Pattern phoneCandidate, Pattern notDate, List<Pattern> phones) {
            this.personalNumber = personalNumber.matcher("");
            this.email = email.matcher("");
            this.phoneCandidate = phoneCandidate.matcher("");
            this.notDate = notDate.matcher("");
            this.phones = phones.stream().map(p -> p.matcher("")).toArray(Matcher[]::new);
        }
    }

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
        matchers = perThread(personalNumber, email, phoneCandidate, notDate, List.copyOf(phones));
    }

    /** Each thread's matchers; static, so that the supplier cannot capture this guard (see {@link Matchers}). */
    private static ThreadLocal<Matchers> perThread(Pattern personalNumber, Pattern email, Pattern phoneCandidate, Pattern notDate,
                                                   List<Pattern> phones) {
        return ThreadLocal.withInitial(() -> new Matchers(personalNumber, email, phoneCandidate, notDate, phones));
    }

    boolean personalNumber(String value) {
        return value.length() >= 10 && find(matchers.get().personalNumber, value);
    }

    boolean email(String value) {
        return value.indexOf('@') >= 0 && find(matchers.get().email, value);
    }

    /** Whether the pattern occurs in the value, the matcher left holding no value. */
    private static boolean find(Matcher m, String value) {
        try {
            return m.reset(value).find();
        } finally {
            m.reset("");
        }
    }

    /** Whether the pattern matches the whole value, the matcher left holding no value. */
    private static boolean matches(Matcher m, String value) {
        try {
            return m.reset(value).matches();
        } finally {
            m.reset("");
        }
    }

    boolean phone(String value) {
        // Every number tried below is made of digits of the value, and needs phoneMinDigits of them.
        if (asciiDigitCount(value) < phoneMinDigits) {
            return false;
        }
        Matchers own = matchers.get();
        Matcher m = own.phoneCandidate.reset(value);
        try {
            return phoneIn(m, own);
        } finally {
            m.reset("");
        }
    }

    private boolean phoneIn(Matcher m, Matchers own) {
        while (m.find()) {
            String candidate = m.group().strip();
            if (isPhone(candidate, own)) {
                return true;
            }
            // A number beside another ("069 123 4567 2025", "on 0691234567 24 hours"): any run of its spaced parts.
            if (!hasSpace(candidate)) {
                continue;
            }
            String[] parts = SPACES.split(candidate);
            for (int from = 0; from < parts.length; from++) {
                for (int to = from + 1; to <= parts.length; to++) {
                    if ((from > 0 || to < parts.length) && isPhone(String.join(" ", Arrays.copyOfRange(parts, from, to)), own)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isPhone(String candidate, Matchers own) {
        String digits = asciiDigits(candidate);
        if (digits.length() < phoneMinDigits || matches(own.notDate, candidate)) {
            return false;
        }
        String number = (candidate.startsWith("+") ? "+" : "") + digits;
        for (Matcher phone : own.phones) {
            if (matches(phone, number)) {
                return true;
            }
        }
        return false;
    }

    /** The characters 0-9 of the text, in order ({@code [0-9]}, as the patterns read digits). */
    private static String asciiDigits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** How many characters 0-9 the text holds. */
    private static int asciiDigitCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    /** Whether the text holds a white-space character as {@code \s} reads one: space, \t, \n, \x0B, \f or \r. */
    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
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
