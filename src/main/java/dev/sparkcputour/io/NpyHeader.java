package dev.sparkcputour.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The header of a {@code .npy} file, parsed by its grammar and nothing more: a Python dict of
 * exactly {@code 'descr'} (a string), {@code 'fortran_order'} ({@code True} or {@code False}) and
 * {@code 'shape'} (a tuple or list of integers), in any order, with an optional trailing comma.
 * Syntax errors are {@link IllegalArgumentException}s saying where.
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** A list (structured dtype) where {@code descr}'s string should be: a real .npy, but not of real numbers. */
    static final class StructuredDtypeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }

    /** Keys other than exactly descr, fortran_order and shape; the message lists them. */
    static final class UnexpectedKeysException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnexpectedKeysException(Set<String> keys) {
            super(keys.toString());
        }
    }

    static NpyHeader parse(String text) {
        return new Parser(text).header();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        NpyHeader header() {
            String descr = null;
            Boolean fortranOrder = null;
            long[] shape = null;
            Set<String> keys = new LinkedHashSet<>();
            expect('{');
            while (!tryConsume('}')) {
                String key = string();
                if (!keys.add(key)) {
                    throw error("key '" + key + "' twice");
                }
                expect(':');
                switch (key) {
                    case "descr" -> descr = descr();
                    case "fortran_order" -> fortranOrder = bool();
                    case "shape" -> shape = shape();
                    default -> throw new UnexpectedKeysException(keys);
                }
                if (!tryConsume(',')) {
                    expect('}');
                    break;
                }
            }
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected text");
            }
            if (!keys.equals(KEYS)) {
                throw new UnexpectedKeysException(keys);
            }
            return new NpyHeader(descr, fortranOrder, shape);
        }

        private String descr() {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '[') {
                throw new StructuredDtypeException();
            }
            return string();
        }

        private boolean bool() {
            skipSpace();
            for (String word : List.of("True", "False")) {
                if (text.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("True");
                }
            }
            throw error("expected True or False");
        }

        /** A tuple of integers, {@code ()}, {@code (3,)}, {@code (3, 4)}, or a list of them; Python 2 wrote {@code 3L}. */
        private long[] shape() {
            char close = tryConsume('[') ? ']' : ')';
            if (close == ')') {
                expect('(');
            }
            List<Long> dims = new ArrayList<>();
            while (!tryConsume(close)) {
                dims.add(integer());
                if (!tryConsume(',')) {
                    expect(close);
                    break;
                }
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() {
            skipSpace();
            int start = pos;
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            try {
                long value = Long.parseLong(text.substring(start, pos));
                if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                    pos++;
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("expected an integer");
            }
        }

        private String string() {
            skipSpace();
            if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
                throw error("expected a string");
            }
            char quote = text.charAt(pos++);
            int end = text.indexOf(quote, pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos, end);
            pos = end + 1;
            return value;
        }

        private boolean tryConsume(char c) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!tryConsume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }
    }
}
