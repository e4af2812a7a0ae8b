package dev.ordo.marketplace.platform.projections;

import dev.ordo.marketplace.shared.RuleViolation;

/**
 * A request about a projection that cannot be served: {@code projection-not-found} (404: this process runs no
 * projection of that name from its store) or {@code projection-rebuild-running} (422: one rebuild at a time).
 */
final class ProjectionRuleViolation extends RuleViolation {

    private ProjectionRuleViolation(String rule, String detail) {
        super(rule, "rule " + rule + ": " + detail);
    }

    static ProjectionRuleViolation notFound(String name) {
        return new ProjectionRuleViolation("projection-not-found", "this application runs no projection named '"
                + name + "' from its store; GET /projections lists those it runs");
    }

    static ProjectionRuleViolation rebuildRunning(String name) {
        return new ProjectionRuleViolation("projection-rebuild-running", "projection " + name
                + " is being rebuilt; ask again once that rebuild has finished");
    }
}
