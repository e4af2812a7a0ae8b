package dev.ordo.marketplace.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The invariant violations a run found, in the order they were found. Thread-safe. */
final class Violations {

    /** One broken invariant: which, for what (an order, key, product, saga or table) and the evidence. */
    record Violation(Invariant invariant, String subject, String evidence) {
    }

    private final List<Violation> found = new ArrayList<>();

    synchronized void add(Invariant invariant, String subject, String evidence) {
        found.add(new Violation(invariant, subject, evidence));
    }

    synchronized List<Violation> all() {
        return List.copyOf(found);
    }

    synchronized boolean isEmpty() {
        return found.isEmpty();
    }

    /** The violations grouped by invariant, in the invariants' order. */
    synchronized Map<Invariant, List<Violation>> byInvariant() {
        Map<Invariant, List<Violation>> grouped = new EnumMap<>(Invariant.class);
        found.forEach(v -> grouped.computeIfAbsent(v.invariant(), i -> new ArrayList<>()).add(v));
        return grouped;
    }

    /**
     * Every broken invariant with its statement, the findings it maps to, how often it broke and the first
     * {@code examples} subjects with their evidence.
     */
    String describe(int examples) {
        StringBuilder text = new StringBuilder();
        byInvariant().forEach((invariant, violations) -> {
            text.append("\n  ").append(invariant).append(" broken ").append(violations.size()).append(" time")
                    .append(violations.size() == 1 ? "" : "s").append(" (issue 8 finding ").append(invariant.findings())
                    .append("): ").append(invariant.statement());
            violations.stream().limit(examples).forEach(v -> text.append("\n    - ").append(v.subject()).append(": ")
                    .append(v.evidence()));
            if (violations.size() > examples) {
                text.append("\n    - ... and ").append(violations.size() - examples).append(" more (see the report file)");
            }
        });
        return text.toString();
    }
}
