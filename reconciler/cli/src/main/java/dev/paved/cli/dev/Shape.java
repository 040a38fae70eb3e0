package dev.paved.cli.dev;

import java.util.List;

/** What kind of workload a synthetic service runs, and the golden-path template it comes from. */
enum Shape {
    API("server", "web-api", "api", Words.API_ROLES),
    WORKER("worker", "worker", "worker", Words.WORKER_ROLES),
    CRON("cron", "cron-job", "job", Words.CRON_ROLES);

    private final String workloadKind;
    private final String template;
    private final String container;
    private final List<String> roles;

    Shape(String workloadKind, String template, String container, List<String> roles) {
        this.workloadKind = workloadKind;
        this.template = template;
        this.container = container;
        this.roles = roles;
    }

    /** The value of {@code spec.workload.kind}. */
    String workloadKind() {
        return workloadKind;
    }

    String template() {
        return template;
    }

    /** The name of the main container. */
    String container() {
        return container;
    }

    /** Name suffixes that fit this shape, e.g. {@code api}, {@code worker}, {@code job}. */
    List<String> roles() {
        return roles;
    }
}
