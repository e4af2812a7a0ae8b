package dev.ordo.coordination.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The validated shape of a graph: each step's dependents and a dependency order. Rejects unknown dependencies and
 * cycles with a message that names the steps. Immutable.
 */
record Topology(Map<String, List<String>> dependents, List<String> order) {

    /**
     * @param dependencies each step's dependencies, steps in declaration order
     * @throws IllegalArgumentException on an unknown dependency or a cycle
     */
    static Topology of(String operation, Map<String, List<String>> dependencies) {
        List<String> unknown = new ArrayList<>();
        dependencies.forEach((step, dependsOn) -> dependsOn.stream()
                .filter(dependency -> !dependencies.containsKey(dependency))
                .forEach(dependency -> unknown.add("step '" + step + "' depends on unknown step '" + dependency + "'")));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("operation '" + operation + "': " + String.join("; ", unknown)
                    + " (steps: " + dependencies.keySet() + ")");
        }
        List<String> cycle = findCycle(dependencies);
        if (!cycle.isEmpty()) {
            StringJoiner path = new StringJoiner(" -> ");
            cycle.forEach(step -> path.add("'" + step + "'"));
            throw new IllegalArgumentException("operation '" + operation + "': steps depend on each other in a cycle: "
                    + path + " (each step depends on the next)");
        }
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        dependencies.forEach((step, dependsOn) -> dependsOn.forEach(
                dependency -> dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(step)));
        Map<String, List<String>> frozen = new HashMap<>();
        dependents.forEach((step, list) -> frozen.put(step, List.copyOf(list)));
        return new Topology(Map.copyOf(frozen), order(dependencies));
    }

    /** Kahn's algorithm; among steps ready at once, declaration order. The graph has no cycle. */
    private static List<String> order(Map<String, List<String>> dependencies) {
        List<String> order = new ArrayList<>();
        List<String> remaining = new ArrayList<>(dependencies.keySet());
        while (!remaining.isEmpty()) {
            for (int i = 0; i < remaining.size(); i++) {
                String step = remaining.get(i);
                if (order.containsAll(dependencies.get(step))) {
                    order.add(step);
                    remaining.remove(i);
                    break;
                }
            }
        }
        return List.copyOf(order);
    }

    /** A cycle as a path that starts and ends at the same step, or an empty list when there is none. */
    private static List<String> findCycle(Map<String, List<String>> dependencies) {
        Set<String> finished = new HashSet<>();
        for (String start : dependencies.keySet()) {
            if (finished.contains(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            List<String> cycle = visit(start, dependencies, finished, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String step, Map<String, List<String>> dependencies,
                                      Set<String> finished, Deque<String> path) {
        if (path.contains(step)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String onPath : path.reversed()) {
                inCycle |= onPath.equals(step);
                if (inCycle) {
                    cycle.add(onPath);
                }
            }
            cycle.add(step);
            return cycle;
        }
        if (finished.contains(step)) {
            return List.of();
        }
        path.push(step);
        for (String dependency : dependencies.get(step)) {
            List<String> cycle = visit(dependency, dependencies, finished, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.pop();
        finished.add(step);
        return List.of();
    }
}
