package org.hybridta.cuda;

/**
 * How a panel is cut for the device: chunks of whole groups of 32 series, processed through
 * {@code slots} sets of buffers (each with its own stream) so that the host copies and upload of one
 * chunk, the kernels of another and the download of a third overlap. A slot holds, for {@code capacity}
 * series: a series-major staging area (inputs on the way in, outputs on the way out) on the device and
 * pinned on the host, the grouped time-major inputs and outputs, the series lengths and the kernels'
 * scratch rings.
 *
 * @param seriesPerChunk series per chunk (the last chunk may have fewer)
 * @param capacity       series a slot has room for: {@code seriesPerChunk} rounded up to a whole group
 * @param chunks         number of chunks
 * @param slots          buffer sets in flight (1 to {@link #MAX_SLOTS})
 * @param stageBytes     series-major staging of one slot, on the device and pinned on the host
 * @param inputBytes     grouped inputs of one slot
 * @param outputBytes    grouped outputs of one slot
 * @param ringBytes      scratch rings of one slot
 */
record ChunkPlan(int seriesPerChunk, int capacity, int chunks, int slots, long stageBytes, long inputBytes, long outputBytes,
                 long ringBytes) {
    static final int GROUP = 32;
    /** Pinned staging per slot: large enough that a copy runs at full speed, small enough to overlap well. */
    static final long DEFAULT_HOST_SLOT_BYTES = 64L << 20;
    /**
     * Buffer sets in flight: three keep upload, kernels and download busy; more let the device run ahead
     * while the host is busy elsewhere (allocating the result arrays of a large panel takes as long as
     * several chunks).
     */
    static final int MAX_SLOTS = 6;
    /**
     * Groups a chunk holds at least, where the pinned ceiling allows, however wide a group's staging: the kernels
     * that walk the whole time axis in one warp per group (the Hilbert transform, the patterns, MAVP) take about as long
     * for one group as for eight, so a call of many columns cut into chunks of one group pays each walk once per group
     * (5,000 symbols x 250 columns: 160 chunks).
     */
    static final int MIN_CHUNK_GROUPS = 8;
    /** Pinned staging of all slots together that chunks of {@link #MIN_CHUNK_GROUPS} groups may take, at most. */
    static final long MAX_PINNED_CEILING = 4L << 30;

    /**
     * The pinned ceiling on this machine: {@link #MAX_PINNED_CEILING}, or a sixteenth of the physical memory where that
     * is less (page-locked memory is taken from what the system can page out).
     */
    static long pinnedCeiling() {
        long physical = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return physical > 0 ? Math.min(MAX_PINNED_CEILING, physical / 16) : MAX_PINNED_CEILING / 4;
    }

    long lengthBytes() { return (long) capacity * Integer.BYTES; }

    /** Device memory of one slot. */
    long deviceBytesPerSlot() { return stageBytes + inputBytes + outputBytes + lengthBytes() + ringBytes; }

    /** Pinned host memory of one slot. */
    long hostBytesPerSlot() { return stageBytes + lengthBytes(); }

    /** Device memory of all slots. */
    long deviceBytes() { return deviceBytesPerSlot() * slots; }

    /**
     * Plans a panel.
     *
     * @param series        series in the panel
     * @param bars          bars per series
     * @param inputs        input fields
     * @param outputs       output columns
     * @param ringDoubles   global scratch doubles per series (the largest of the kernels')
     * @param elementBytes  bytes of an output value: 8 (double) or 4 (float); inputs are always double
     * @param deviceBudget  device bytes the slots may use together
     * @param hostSlotBytes the wished-for pinned bytes per slot (a chunk of one group may exceed it)
     * @throws IllegalArgumentException if even one group of 32 series does not fit in the budget
     */
    static ChunkPlan plan(int series, int bars, int inputs, int outputs, int ringDoubles, int elementBytes,
                          long deviceBudget, long hostSlotBytes) {
        return plan(series, bars, inputs, outputs, ringDoubles, elementBytes, deviceBudget, hostSlotBytes, 1, 0);
    }

    /**
     * Like {@link #plan(int, int, int, int, int, int, long, long)}, with chunks of at least {@code minGroups} groups
     * (or the whole panel) where their staging, in at least two slots, stays within {@code pinnedCeiling} bytes: wider
     * chunks then go through fewer slots.
     */
    static ChunkPlan plan(int series, int bars, int inputs, int outputs, int ringDoubles, int elementBytes,
                          long deviceBudget, long hostSlotBytes, int minGroups, long pinnedCeiling) {
        if (series <= 0 || bars <= 0) return new ChunkPlan(0, 0, 0, 0, 0, 0, 0, 0);
        long inColumn = (long) bars * Double.BYTES, outColumn = (long) bars * elementBytes;  // one field of one series
        long stagePerSeries = Math.max(inColumn * inputs, outColumn * outputs);
        long devicePerSeries = stagePerSeries + inColumn * inputs + outColumn * outputs + Integer.BYTES + 8L * ringDoubles;
        long hostPerSeries = stagePerSeries + Integer.BYTES;
        int groups = (series + GROUP - 1) / GROUP;
        long groupDevice = GROUP * devicePerSeries, groupHost = GROUP * hostPerSeries;

        if (groupHost > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("one group of " + GROUP + " series x " + bars + " bars needs " + groupHost
                    + " bytes of staging, more than one buffer holds (2 GiB): compute fewer indicators at once or split the series");
        }
        int perChunk = (int) Math.max(1, Math.min(groups, hostSlotBytes / groupHost));
        int slots = Math.min(MAX_SLOTS, chunksOf(groups, perChunk));
        long wider = Math.min(Math.min(groups, minGroups), Math.min(Integer.MAX_VALUE / groupHost, pinnedCeiling / (2 * groupHost)));
        if (wider > perChunk) {
            perChunk = (int) wider;
            slots = (int) Math.max(1, Math.min(Math.min(MAX_SLOTS, chunksOf(groups, perChunk)), pinnedCeiling / (perChunk * groupHost)));
        }
        while (true) {
            long fit = deviceBudget / (slots * groupDevice);
            if (fit >= 1) {
                perChunk = (int) Math.min(perChunk, fit);
                break;
            }
            if (slots == 1) {
                throw new IllegalArgumentException("one group of " + GROUP + " series x " + bars + " bars needs " + groupDevice
                        + " bytes of device memory, more than the budget of " + deviceBudget
                        + " bytes: raise BackendOptions.deviceMemoryBudget or compute fewer indicators at once");
            }
            slots--;
        }
        int chunks = chunksOf(groups, perChunk);
        slots = Math.min(slots, chunks);
        int capacity = perChunk * GROUP;
        return new ChunkPlan(Math.min(series, capacity), capacity, chunks, slots, capacity * stagePerSeries,
                capacity * inColumn * inputs, capacity * outColumn * outputs, capacity * 8L * ringDoubles);
    }

    /**
     * Whether one group of 32 series of a request fits at all: its staging in one buffer (2 GiB) and one slot in the
     * device budget ({@link #plan} then succeeds).
     */
    static boolean fits(int bars, int inputs, int outputs, int ringDoubles, int elementBytes, long deviceBudget) {
        long inColumn = (long) bars * Double.BYTES, outColumn = (long) bars * elementBytes;
        long stagePerSeries = Math.max(inColumn * inputs, outColumn * outputs);
        long devicePerSeries = stagePerSeries + inColumn * inputs + outColumn * outputs + Integer.BYTES + 8L * ringDoubles;
        return GROUP * (stagePerSeries + Integer.BYTES) <= Integer.MAX_VALUE && GROUP * devicePerSeries <= deviceBudget;
    }

    private static int chunksOf(int groups, int perChunk) {
        return (groups + perChunk - 1) / perChunk;
    }
}
