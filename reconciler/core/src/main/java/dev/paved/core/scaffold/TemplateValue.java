package dev.paved.core.scaffold;

import java.util.List;

/** What a placeholder stands for. */
sealed interface TemplateValue {

    /** Text put in place of the placeholder. */
    record Scalar(String text) implements TemplateValue {
    }

    /** Lines that replace a placeholder standing alone on its line, each indented as the placeholder was. */
    record Block(List<String> lines) implements TemplateValue {
        public Block {
            lines = List.copyOf(lines);
        }
    }

    /** A parameter with no default that was not given: an error only when the file uses it. */
    record Missing(String problem) implements TemplateValue {
    }
}
