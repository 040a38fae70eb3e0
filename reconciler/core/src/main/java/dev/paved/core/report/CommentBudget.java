package dev.paved.core.report;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Fits a comment made of sections into a size limit by cutting from the end: the sections that fit are kept
 * whole, the first that does not is shortened (or left out), and those after it are only mentioned. Every
 * version of a section is valid Markdown on its own (blocks closed), so the comment stays valid however it is
 * cut. Sizes are Java {@code char}s (UTF-16 code units): never fewer than the characters a forge counts.
 */
final class CommentBudget {

    /**
     * One part of the comment.
     *
     * @param text      the whole section
     * @param shortened the section in at most the given number of chars, or null when it cannot be that short
     * @param stub      what is left of it when it is left out: a line that says so, or {@code ""}
     */
    record Section(String text, IntFunction<String> shortened, String stub) {

        /** A section that is kept whole or not at all, and mentioned by {@code stub} when left out. */
        static Section whole(String text, String stub) {
            return new Section(text, budget -> null, stub);
        }

        /** A section too short to cut: it stays even when what is before it is cut. */
        static Section kept(String text) {
            return new Section(text, budget -> null, text);
        }
    }

    private CommentBudget() {
    }

    /** The sections joined, and if that is longer than {@code max}, cut as above and followed by {@code notice}. */
    static String fit(List<Section> sections, int max, String notice) {
        StringBuilder out = new StringBuilder();
        sections.forEach(section -> out.append(section.text()));
        if (out.length() <= max) {
            return out.toString();
        }
        int budget = max - notice.length();
        out.setLength(0);
        int i = 0;
        while (i < sections.size()) {
            Section section = sections.get(i++);
            int rest = stubs(sections.subList(i, sections.size()));
            if (out.length() + section.text().length() + rest <= budget) {
                out.append(section.text());
                continue;
            }
            String shorter = section.shortened().apply(budget - out.length() - rest);
            append(out, shorter != null ? shorter : section.stub(), budget);
            break;
        }
        while (i < sections.size()) {
            append(out, sections.get(i++).stub(), budget);
        }
        return out.append(notice).toString();
    }

    private static void append(StringBuilder out, String text, int budget) {
        if (out.length() + text.length() <= budget) {
            out.append(text);
        }
    }

    private static int stubs(List<Section> sections) {
        return sections.stream().mapToInt(s -> s.stub().length()).sum();
    }
}
