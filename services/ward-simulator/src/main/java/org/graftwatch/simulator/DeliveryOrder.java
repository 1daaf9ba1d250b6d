package org.graftwatch.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a scenario's observations reach the platform: array order, except that an observation with
 * {@code deliverAfter} comes right after the one it names (a late result). Chains are followed; several late
 * results after the same one keep their array order.
 */
final class DeliveryOrder {

    private DeliveryOrder() {
    }

    static List<ScenarioObservation> of(List<ScenarioObservation> observations) {
        Set<String> ids = new HashSet<>();
        observations.forEach(o -> ids.add(o.id()));
        Map<String, List<ScenarioObservation>> late = new LinkedHashMap<>();
        for (ScenarioObservation o : observations) {
            if (o.deliverAfter() != null) {
                if (!ids.contains(o.deliverAfter())) {
                    throw new IllegalArgumentException("observation " + o.id() + ": deliverAfter names unknown observation '"
                            + o.deliverAfter() + "'");
                }
                late.computeIfAbsent(o.deliverAfter(), k -> new ArrayList<>()).add(o);
            }
        }
        List<ScenarioObservation> order = new ArrayList<>(observations.size());
        for (ScenarioObservation o : observations) {
            if (o.deliverAfter() == null) {
                deliver(o, late, order);
            }
        }
        if (order.size() != observations.size()) {
            throw new IllegalArgumentException("deliverAfter forms a cycle among " + String.join(", ", late.keySet()));
        }
        return order;
    }

    // Late results follow the first delivery of the id they name; a re-sent (amended) id does not repeat them.
    private static void deliver(ScenarioObservation o, Map<String, List<ScenarioObservation>> late, List<ScenarioObservation> order) {
        order.add(o);
        List<ScenarioObservation> following = late.remove(o.id());
        if (following != null) {
            following.forEach(next -> deliver(next, late, order));
        }
    }
}
