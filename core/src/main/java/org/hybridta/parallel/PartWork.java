package org.hybridta.parallel;

import java.util.List;
import org.hybridta.source.Constituent;

/** The work a pipeline does for one part of the universe: fetch, compute under a lease, report. */
@FunctionalInterface
public interface PartWork {
    /**
     * @param part    the part's index in the plan
     * @param members the constituents of this part, in universe order
     */
    PartResult run(int part, List<Constituent> members);

    /**
     * Says that this worker will {@link #run} {@code part} next, after the one it runs now, so that slow work that
     * needs no processor (fetching over a network) can start. The default does nothing.
     */
    default void prepare(int part, List<Constituent> members) {}
}
