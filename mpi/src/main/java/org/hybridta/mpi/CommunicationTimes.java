package org.hybridta.mpi;

import java.time.Duration;

/**
 * Time one rank spent communicating in its partitioner's runs, summed since the partitioner was opened
 * ({@link MpiPartitioner#communication()}); {@link #minus} of two snapshots gives the runs between them.
 *
 * <p>At rank 0, which plans and gathers: {@code scatter} is sending the other ranks their parts of the plan;
 * {@code waiting} is waiting for results that have not arrived yet — the other ranks still working, not MPI's cost;
 * {@code gather} is receiving and decoding results once they arrived (in the order they arrive); {@code broadcast}
 * is the broadcasts of the root's decisions. At the other ranks: {@code scatter} is waiting for and receiving
 * their part, {@code gather} is encoding and sending their result (the send of a large message also waits until
 * rank 0 takes it), {@code waiting} is zero.
 *
 * @param scatter       sending (rank 0) or receiving (others) the parts of the plan
 * @param waiting       rank 0: waiting for results to arrive; others: zero
 * @param gather        rank 0: receiving and decoding results; others: encoding and sending their own
 * @param broadcast     in {@link MpiPartitioner#broadcast}
 * @param bytesGathered bytes of results received (rank 0) or sent (others)
 * @param runs          calls of {@link MpiPartitioner#runParts}
 */
public record CommunicationTimes(Duration scatter, Duration waiting, Duration gather, Duration broadcast, long bytesGathered,
                                 int runs) {

    /** Nothing yet. */
    public static final CommunicationTimes NONE = new CommunicationTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0);

    /** What MPI itself took: scatter, gather and broadcast — at rank 0 without the waiting for other ranks' work. */
    public Duration mpi() {
        return scatter.plus(gather).plus(broadcast);
    }

    /** The communication between {@code earlier} and this snapshot. */
    public CommunicationTimes minus(CommunicationTimes earlier) {
        return new CommunicationTimes(scatter.minus(earlier.scatter), waiting.minus(earlier.waiting), gather.minus(earlier.gather),
                broadcast.minus(earlier.broadcast), bytesGathered - earlier.bytesGathered, runs - earlier.runs);
    }
}
