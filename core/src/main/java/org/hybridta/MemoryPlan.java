package org.hybridta;

/**
 * How many parts a run is cut into so that what is in flight fits in the Java heap, or the one line that says,
 * before any work, that it cannot fit. Estimated from the sources' expected bars, before anything is fetched.
 *
 * <p>A part's symbols are in memory as fetched bars, as the backend's panel, as computed values and as the bars
 * and values kept for the run's range; a worker holds the part it computes and the one it has finished, the root
 * the one it writes, and the next part's bars are fetched ahead: about {@code 3 × workers + 1} parts at once.
 * They may take half the heap, each at most {@link #MAX_CPU_PART_BYTES} on the CPU; the rest is for the sinks'
 * buffers (Parquet row groups) and the collector.
 */
final class MemoryPlan {
    private static final double SHARE = 0.5;
    /** Parts per worker at least, so that writing one part overlaps computing the next. */
    private static final int PARTS_PER_WORKER = 4;
    /**
     * The most a part may take on the CPU, whatever the heap: small parts die young (in the garbage collector's young
     * generation, so the heap does not grow with them) and stay warm in the caches. Measured on the 5,000-symbol run
     * (docs/benchmarks.md): 8 MB parts took 1.56 GB of memory and 29 s of CPU, 128 MB parts 2.01 GB and 32 s.
     */
    static final long MAX_CPU_PART_BYTES = 8L << 20;
    /** The most a part may take on a GPU, which wants many series per launch and per transfer. */
    static final long MAX_DEVICE_PART_BYTES = 128L << 20;
    /**
     * Series a part on a GPU may hold whatever {@link #MAX_DEVICE_PART_BYTES} says, where the heap allows: each compute
     * call pays its fixed costs (a launch per function and chunk, transfers set up) once, so with every catalog function
     * (250 columns, 10 MB a symbol of 10 years) 128 MB parts were 12 symbols, and the 5,000-symbol run on an H100 did not
     * end in 110 s against 22 s on 16 cores.
     */
    static final int DEVICE_PART_SERIES = 1024;

    private MemoryPlan() {}

    /** Bytes one bar of one symbol takes while its part is in flight, with {@code columns} indicator outputs. */
    static long bytesPerBar(int columns) {
        int fields = Field.values().length;
        // bars: fetched, in the panel, cut to the range; values: computed, cut to the range; dates twice
        return Double.BYTES * (3L * fields + 2L * columns) + 2L * Integer.BYTES;
    }

    /**
     * The number of parts for a run, at most one per symbol.
     *
     * @param bars     expected bars per symbol, warm-up included
     * @param kept     expected bars per symbol in the run's range, when the run keeps every value in memory; else null
     * @param columns  indicator output columns
     * @param workers  workers computing at once
     * @param devices  whether the backend computes on devices (GPUs), which want larger parts
     * @param heap     the heap's limit ({@link Runtime#maxMemory()})
     * @throws IllegalStateException naming the size and the fix, when even one symbol per part does not fit, or the
     *                               values to keep do not
     */
    static int parts(long[] bars, long[] kept, int columns, int workers, boolean devices, long heap) {
        int symbols = bars.length;
        if (symbols == 0) return 1;
        long perBar = bytesPerBar(columns);
        double budget = heap * SHARE;
        long total = 0, longest = 0;
        for (long b : bars) {
            total += Math.max(0, b);
            longest = Math.max(longest, b);
        }
        int inFlight = 3 * workers + 1;
        if (kept != null) {
            long rows = 0;
            for (long b : kept) rows += Math.max(0, b);
            long keptBytes = rows * (Double.BYTES * (Field.values().length + (long) columns) + Integer.BYTES);
            if (keptBytes + (double) inFlight * longest * perBar > budget) {
                throw new IllegalStateException("keeping every value of this run in memory takes about " + OutOfMemory.megabytes(keptBytes)
                        + " (" + OutOfMemory.number(symbols) + " symbols, " + OutOfMemory.number(rows) + " bars, " + (Field.values().length + columns)
                        + " columns), more than half the heap (the Java heap is limited to " + OutOfMemory.megabytes(heap) + "); give the pipeline a sink "
                        + "(the values then flow to it part by part) or give Java more heap (java -Xmx" + gigabytes(keptBytes) + "g …)");
            }
        }
        long oneSymbol = longest * perBar;
        if ((double) inFlight * oneSymbol > budget) {
            throw new IllegalStateException("this run does not fit in memory: its longest series, " + OutOfMemory.number(longest) + " bars x "
                    + columns + " indicator columns, takes about " + OutOfMemory.megabytes(oneSymbol) + " while it is computed, and "
                    + inFlight + " parts are in flight at once, more than half the heap (the Java heap is limited to " + OutOfMemory.megabytes(heap)
                    + "); give Java more heap (java -Xmx" + gigabytes(inFlight * oneSymbol) + "g …) or a shorter date range");
        }
        long cap = devices ? Math.max(MAX_DEVICE_PART_BYTES, DEVICE_PART_SERIES * oneSymbol) : MAX_CPU_PART_BYTES;
        long partBars = (long) (Math.min(budget / inFlight, cap) / perBar);
        long byMemory = (total + partBars - 1) / partBars;
        return (int) Math.max(1, Math.min(symbols, Math.max(byMemory, (long) PARTS_PER_WORKER * workers)));
    }

    /** Whole gigabytes of heap for {@code bytes} to take at most half of it. */
    private static long gigabytes(long bytes) {
        return Math.max(1, (long) Math.ceil(bytes / SHARE / (1L << 30)));
    }
}
