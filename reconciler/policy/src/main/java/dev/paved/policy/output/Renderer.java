package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;

/** Renders the results of a policy test in one output format. */
@FunctionalInterface
public interface Renderer {

    /** The whole output, with its final newline where the format has one. */
    String render(List<CheckResult> results, RenderOptions options);
}
