package org.hhw.warehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order models are built in: each after every model it depends on. A dependency that is neither
 * a model nor a table, or a cycle, is an error: found when the project is read, not halfway through
 * a build.
 */
final class ModelGraph {

    private enum State {
        VISITING,
        DONE
    }

    private final Map<String, List<String>> dependsOn;
    private final Set<String> tables;
    private final Map<String, State> state = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    private ModelGraph(Map<String, List<String>> dependsOn, Set<String> tables) {
        this.dependsOn = dependsOn;
        this.tables = tables;
    }

    /**
     * The models in an order that builds each after its dependencies; models that do not depend on
     * each other keep the order they are given in.
     *
     * @param dependsOn every model with what it reads (models and tables), in the order to keep
     * @param tables    the tables, which migrations make and loads fill: built by no model
     * @throws IllegalStateException naming the unknown dependency or the cycle
     */
    static List<String> order(Map<String, List<String>> dependsOn, Set<String> tables) {
        ModelGraph graph = new ModelGraph(dependsOn, tables);
        for (String model : dependsOn.keySet()) {
            graph.visit(model, new ArrayList<>());
        }
        return List.copyOf(graph.order);
    }

    private void visit(String model, List<String> path) {
        State s = state.get(model);
        if (s == State.DONE) {
            return;
        }
        path.add(model);
        if (s == State.VISITING) {
            throw new IllegalStateException("sql models: a cycle of dependencies: "
                    + String.join(" -> ", path.subList(path.indexOf(model), path.size())));
        }
        state.put(model, State.VISITING);
        for (String dependency : dependsOn.get(model)) {
            if (dependsOn.containsKey(dependency)) {
                visit(dependency, path);
            } else if (!tables.contains(dependency)) {
                throw new IllegalStateException("sql models: " + model + " depends on " + dependency
                        + ", which is neither a model nor a documented table");
            }
        }
        path.remove(path.size() - 1);
        state.put(model, State.DONE);
        order.add(model);
    }
}
