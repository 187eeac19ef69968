package io.codelog.test.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The UTF-16 characters a generated string may hold, and the ones drawn more often: the ends of each range and,
 * for {@link #all()}, the characters that break parsers, paths and encodings.
 */
public final class Chars {

    /**
     * Drawn often by {@link #all()}: controls, path and escape characters, line and paragraph separators, a
     * direction override, both ends of both surrogate halves (alone, so never a valid pair), the byte-order mark
     * and the non-characters at the top of the BMP.
     */
    static final String NOTABLE = "\u0000\u0001\t\n\r\u001b\u001f \"%&'+./:?\\\u007f\u0080\u0085\u00a0\u00ad"
            + "\u0130\u0131\u2028\u2029\u202e\u200b\ud800\udbff\udc00\udfff\ufeff\ufffd\ufffe\uffff";

    private final List<char[]> ranges;
    private final String edges;
    private final boolean mostlyAscii;
    private final int size;

    private Chars(List<char[]> ranges, String edges, boolean mostlyAscii) {
        this.ranges = List.copyOf(ranges);
        this.edges = edges;
        this.mostlyAscii = mostlyAscii;
        this.size = ranges.stream().mapToInt(range -> range[1] - range[0] + 1).sum();
    }

    /**
     * Every UTF-16 code unit, lone surrogates included: a fifth of draws is one of the notable characters above and
     * another fifth printable ASCII, so that short strings meet them too.
     */
    public static Chars all() {
        return new Chars(List.of(new char[] {Character.MIN_VALUE, Character.MAX_VALUE}), NOTABLE, true);
    }

    /** The characters from {@code first} to {@code last}, both included. */
    public static Chars range(char first, char last) {
        if (first > last) {
            throw new IllegalArgumentException("first " + (int) first + " is above last " + (int) last);
        }
        return new Chars(List.of(new char[] {first, last}), "" + first + last, false);
    }

    /** Exactly the characters of {@code chars}. */
    public static Chars of(String chars) {
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("no characters");
        }
        List<char[]> ranges = new ArrayList<>();
        chars.chars().distinct().forEach(c -> ranges.add(new char[] {(char) c, (char) c}));
        return new Chars(ranges, chars.substring(0, 1) + chars.charAt(chars.length() - 1), false);
    }

    /** These characters and those of {@code other}. */
    public Chars and(Chars other) {
        List<char[]> union = new ArrayList<>(ranges);
        union.addAll(other.ranges);
        return new Chars(union, edges + other.edges, mostlyAscii || other.mostlyAscii);
    }

    char next(RandomGenerator random) {
        double draw = random.nextDouble();
        if (draw < Generators.EDGE_SHARE || (mostlyAscii && draw < 0.2)) {
            return edges.charAt(random.nextInt(edges.length()));
        }
        if (mostlyAscii && draw < 0.4) {
            return (char) random.nextInt(0x20, 0x7f);
        }
        int index = random.nextInt(size);
        for (char[] range : ranges) {
            int width = range[1] - range[0] + 1;
            if (index < width) {
                return (char) (range[0] + index);
            }
            index -= width;
        }
        throw new AssertionError("index beyond " + size + " characters");
    }
}
