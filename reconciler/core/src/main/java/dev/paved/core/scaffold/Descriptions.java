package dev.paved.core.scaffold;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Kind;

/** The words of a scaffold's commit and pull request. */
final class Descriptions {

    private Descriptions() {
    }

    /** {@code Add service ledger-v2 (web-api 3.4.1)} */
    static String title(ScaffoldRequest request, ScaffoldResult scaffold) {
        return "Add " + request.noun() + " " + request.name() + " (" + scaffold.rendered().template().label() + ")";
    }

    static String commitMessage(ScaffoldRequest request, ScaffoldResult scaffold) {
        return title(request, scaffold) + "\n\n" + what(request, scaffold).replace("`", "")
                + "\n\nScaffolded with: " + command(request) + "\n";
    }

    static String body(ScaffoldRequest request, ScaffoldResult scaffold) {
        StringBuilder body = new StringBuilder();
        body.append(what(request, scaffold)).append("\n\n");
        body.append("Scaffolded with `").append(command(request)).append("` from the golden-path template **")
                .append(scaffold.rendered().template().label()).append("**: ")
                .append(scaffold.rendered().template().description()).append("\n\n");
        long warnings = scaffold.findings().stream().filter(f -> !f.isError()).count();
        body.append("`paved validate` found no errors in `").append(scaffold.rendered().path()).append('`')
                .append(warnings == 0 ? "." : " and " + warnings + (warnings == 1 ? " warning:" : " warnings:"))
                .append('\n');
        for (Finding finding : scaffold.findings()) {
            body.append("- line ").append(finding.location().line()).append(": ").append(finding.message())
                    .append(" (`").append(finding.ruleId()).append("`)\n");
        }
        body.append("\nThe plan of this change is posted here by `paved ci`.\n");
        return body.toString();
    }

    private static String what(ScaffoldRequest request, ScaffoldResult scaffold) {
        if (request.kind() == Kind.SERVICE) {
            return "Adds the service `" + request.name() + "`, owned by team `" + request.team()
                    + "` and deployed to " + String.join(", ", scaffold.rendered().environments()) + ", in `"
                    + scaffold.rendered().path() + "`.";
        }
        return "Adds the " + request.tier() + " environment `" + request.name() + "`, in `"
                + scaffold.rendered().path() + "`.";
    }

    /** The command line that gives the same scaffold. */
    static String command(ScaffoldRequest request) {
        StringBuilder command = new StringBuilder("paved new ").append(request.noun()).append(' ')
                .append(request.name());
        if (request.kind() == Kind.SERVICE) {
            command.append(" --team ").append(request.team());
        } else {
            command.append(" --tier ").append(request.tier());
        }
        command.append(" --template ").append(request.template());
        if (request.templateVersion() != null) {
            command.append(" --template-version ").append(request.templateVersion());
        }
        request.environments().forEach(e -> command.append(" --env ").append(e));
        request.settings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(s -> command.append(" --set ").append(s.getKey()).append('=')
                        .append(s.getValue().matches("[A-Za-z0-9._:/@+-]+") ? s.getValue() : "'" + s.getValue() + "'"));
        return command.toString();
    }
}
