package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conftest's {@code junit} format: a test suite {@code conftest.NAMESPACE} per namespace (in the order they were
 * tested, where Conftest's order varies run to run), a failing test case per warning or failure and a passing one
 * per success; exceptions are not listed, as in Conftest. Conftest records the Go version it was built with as a
 * property; Paved records the Conftest version whose output it reproduces instead.
 */
final class JunitRenderer implements Renderer {

    /** The Conftest release whose outputs Paved reproduces. */
    static final String CONFTEST_VERSION = "0.71.1";

    private record TestCase(String name, String failure) {
    }

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        Map<String, List<TestCase>> suites = new LinkedHashMap<>();
        for (CheckResult check : results) {
            List<TestCase> cases = new ArrayList<>();
            ConftestResult.warnings(check).forEach(r -> cases.add(failing(check.file(), r.message())));
            ConftestResult.failures(check).forEach(r -> cases.add(failing(check.file(), r.message())));
            for (int i = 0; i < check.successes(); i++) {
                cases.add(new TestCase(check.file(), null));
            }
            if (!cases.isEmpty()) {
                suites.computeIfAbsent(check.namespace(), ns -> new ArrayList<>()).addAll(cases);
            }
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>");
        suites.forEach((namespace, cases) -> suite("conftest." + namespace, cases, out));
        return out.append(suites.isEmpty() ? "" : "\n").append("</testsuites>\n").toString();
    }

    private static TestCase failing(String file, String message) {
        return new TestCase(message.isEmpty() ? file : file + " - " + message.split("\n", -1)[0], message);
    }

    private static void suite(String name, List<TestCase> cases, StringBuilder out) {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        out.append("\n\t<testsuite tests=\"").append(cases.size()).append("\" failures=\"").append(failures)
                .append("\" time=\"0.000\" name=\"").append(escape(name)).append("\">\n\t\t<properties>\n")
                .append("\t\t\t<property name=\"conftest.version\" value=\"").append(CONFTEST_VERSION)
                .append("\"></property>\n\t\t</properties>");
        for (TestCase test : cases) {
            out.append("\n\t\t<testcase classname=\"").append(escape(name)).append("\" name=\"")
                    .append(escape(test.name())).append("\" time=\"0.000\">");
            if (test.failure() != null) {
                out.append("\n\t\t\t<failure message=\"Failed\" type=\"\">").append(escape(test.failure()))
                        .append("</failure>\n\t\t");
            }
            out.append("</testcase>");
        }
        out.append("\n\t</testsuite>");
    }

    /** As Go's {@code encoding/xml} escapes text and attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    boolean allowed = c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
