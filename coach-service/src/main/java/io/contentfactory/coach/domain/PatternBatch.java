package io.contentfactory.coach.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An import's rows, checked one by one: those accepted and those rejected with their faults. A source reference may
 * appear once in a file; a later row repeating it is rejected, naming the line that has it.
 */
public record PatternBatch(List<PatternRow.Accepted> accepted, List<PatternRow.Rejected> rejected) {

    public PatternBatch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public static PatternBatch checked(List<PatternRow> rows) {
        List<PatternRow.Accepted> accepted = new ArrayList<>();
        List<PatternRow.Rejected> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PatternRow row : rows) {
            switch (row.validated()) {
                case PatternRow.Accepted ok -> {
                    Integer first = seen.putIfAbsent(ok.fields().sourceReference(), ok.line());
                    if (first == null) {
                        accepted.add(ok);
                    } else {
                        rejected.add(new PatternRow.Rejected(
                                ok.line(), List.of("sourceReference: repeats line " + first + " of this file")));
                    }
                }
                case PatternRow.Rejected faulty -> rejected.add(faulty);
            }
        }
        return new PatternBatch(accepted, rejected);
    }
}
