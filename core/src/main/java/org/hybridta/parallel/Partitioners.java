package org.hybridta.parallel;

/** Factories of the partitioners that need nothing beyond this process. */
public final class Partitioners {
    private Partitioners() {}

    /** One worker: the whole universe in one part (the backend still uses every core). */
    public static Partitioner local() {
        return new LocalPartitioner(1);
    }

    /** {@code workers} parts run on as many threads of this process, sharing its devices through leases. */
    public static Partitioner local(int workers) {
        return new LocalPartitioner(workers);
    }

    /** A fair, in-process leaser over {@code deviceCount} devices. */
    public static DeviceLeaser localLeaser(int deviceCount) {
        return new LocalDeviceLeaser(deviceCount);
    }
}
