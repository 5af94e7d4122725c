package org.hybridta.cuda;

import java.util.Locale;

/**
 * Where the last call of a {@link CudaBackend} spent its time, for diagnostics and tests. Times in nanoseconds.
 *
 * @param hostFill        copying inputs into the pinned staging
 * @param deviceWait      waiting for the device (kernels and transfers of earlier chunks)
 * @param hostDrain       copying outputs out of the pinned staging
 * @param queueing        queueing copies and kernels
 * @param total           the whole call
 * @param allocation      allocating (and zeroing) the result arrays, summed over columns (in parallel with the rest)
 * @param allocationWait  the calling thread waiting for the result arrays
 * @param parkedChunks    chunks whose outputs waited on the device in spare buffers meanwhile
 * @param directColumns   ({@code computeInto}) host columns moved directly, page-locked
 * @param columns         ({@code computeInto}) all host columns
 */
record CallProfile(long hostFill, long deviceWait, long hostDrain, long queueing, long total, long allocation, long allocationWait,
                   long parkedChunks, long directColumns, long columns) {
    /** The profile as one line, e.g. for a debug log. */
    @Override public String toString() {
        return String.format(Locale.ROOT,
                "total %.1f ms: host fill %.1f, wait for device %.1f, host drain %.1f, queueing %.1f, wait for the result arrays %.1f;"
                        + " allocating the result arrays %.1f (in parallel); %d chunks parked on the device meanwhile;"
                        + " %d of %d host buffers transferred directly (page-locked)",
                total / 1e6, hostFill / 1e6, deviceWait / 1e6, hostDrain / 1e6, queueing / 1e6, allocationWait / 1e6,
                allocation / 1e6, parkedChunks, directColumns, columns);
    }

    /** The counters of a call in progress (one call at a time; {@link #allocation} is added to from the pool's threads). */
    static final class Counters {
        long hostFill, deviceWait, hostDrain, queueing, total, allocationWait, parkedChunks, directColumns, columns;
        private long allocation;

        synchronized void addAllocation(long nanos) { allocation += nanos; }

        void reset() {
            hostFill = deviceWait = hostDrain = queueing = total = allocationWait = parkedChunks = directColumns = columns = 0;
            synchronized (this) {
                allocation = 0;
            }
        }

        synchronized CallProfile snapshot() {
            return new CallProfile(hostFill, deviceWait, hostDrain, queueing, total, allocation, allocationWait, parkedChunks, directColumns,
                    columns);
        }
    }
}
