package no.dialog.core.journey;

import java.util.ArrayList;
import java.util.List;

/** The ways out of a step, each with the field that holds it ({@code next}, {@code cases[1].next} ...). */
final class StepEdges {

    /** One edge; {@code target} is null when the field is not filled in. */
    record Edge(String field, String target) {}

    private StepEdges() {}

    static List<Edge> of(Step step) {
        List<Edge> edges = new ArrayList<>();
        if (step instanceof Step.Send send) {
            edges.add(new Edge("next", send.next()));
        } else if (step instanceof Step.WaitDuration wait) {
            edges.add(new Edge("next", wait.next()));
        } else if (step instanceof Step.WaitUntil wait) {
            edges.add(new Edge("next", wait.next()));
        } else if (step instanceof Step.WaitForSignal wait) {
            edges.add(new Edge("next", wait.next()));
            edges.add(new Edge("timeoutNext", wait.timeoutNext()));
        } else if (step instanceof Step.Branch branch) {
            for (int i = 0; i < branch.cases().size(); i++) {
                edges.add(new Edge("cases[" + i + "].next", branch.cases().get(i).next()));
            }
            edges.add(new Edge("otherwise", branch.otherwise()));
        } else if (step instanceof Step.Split split) {
            for (int i = 0; i < split.paths().size(); i++) {
                edges.add(new Edge("paths[" + i + "].next", split.paths().get(i).next()));
            }
        } else if (step instanceof Step.Update update) {
            edges.add(new Edge("next", update.next()));
        }
        return edges;
    }

    /** Wait steps end an advance: a loop through one cannot spin within a single run. */
    static boolean isWait(Step step) {
        return step instanceof Step.WaitDuration || step instanceof Step.WaitUntil
                || step instanceof Step.WaitForSignal;
    }
}
