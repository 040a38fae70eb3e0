package dev.paved.core.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds cycles in a directed graph of names, iteratively (no recursion, so a long chain cannot overflow the
 * stack). Each cycle is reported once, rotated to start at its smallest name, so results are deterministic.
 */
final class Cycles {

    private Cycles() {
    }

    /** @param edges name → names it points to; edges to unknown names are ignored */
    static List<List<String>> find(Map<String, ? extends Iterable<String>> edges) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (String node : new TreeSet<>(edges.keySet())) {
            List<String> targets = new ArrayList<>();
            for (String target : edges.get(node)) {
                if (edges.containsKey(target)) {
                    targets.add(target);
                }
            }
            Collections.sort(targets);
            graph.put(node, targets);
        }
        Set<String> onCycles = withoutAcyclicNodes(graph);
        List<List<String>> cycles = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (String start : new TreeSet<>(onCycles)) {
            List<String> cycle = walkToCycle(start, graph, onCycles);
            if (seen.add(new HashSet<>(cycle))) {
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** Repeatedly removes nodes with no edge to a remaining node; what is left is on or leads into a cycle. */
    private static Set<String> withoutAcyclicNodes(Map<String, List<String>> graph) {
        Map<String, Integer> outDegree = new HashMap<>();
        Map<String, List<String>> reverse = new HashMap<>();
        Deque<String> sinks = new ArrayDeque<>();
        for (var entry : graph.entrySet()) {
            outDegree.put(entry.getKey(), entry.getValue().size());
            for (String target : entry.getValue()) {
                reverse.computeIfAbsent(target, k -> new ArrayList<>()).add(entry.getKey());
            }
            if (entry.getValue().isEmpty()) {
                sinks.add(entry.getKey());
            }
        }
        Set<String> remaining = new HashSet<>(graph.keySet());
        while (!sinks.isEmpty()) {
            String sink = sinks.poll();
            remaining.remove(sink);
            for (String source : reverse.getOrDefault(sink, List.of())) {
                if (outDegree.merge(source, -1, Integer::sum) == 0) {
                    sinks.add(source);
                }
            }
        }
        return remaining;
    }

    /** Follows edges inside {@code remaining} from {@code start} until a node repeats; returns that loop. */
    private static List<String> walkToCycle(String start, Map<String, List<String>> graph, Set<String> remaining) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        String node = start;
        while (!position.containsKey(node)) {
            position.put(node, path.size());
            path.add(node);
            node = graph.get(node).stream().filter(remaining::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(position.get(node), path.size()));
        int smallest = cycle.indexOf(Collections.min(cycle));
        Collections.rotate(cycle, -smallest);
        return cycle;
    }
}
