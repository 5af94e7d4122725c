package org.hybridta.backend;

import java.util.Objects;

/**
 * Settings a backend may honour; each backend documents which. Build with {@link #builder()}.
 *
 * @param precision          arithmetic precision (GPU backends; the CPU backend always uses double)
 * @param threads            worker threads (CPU backend); 0 means one per available processor
 * @param device             device ordinal (GPU backends), or -1 for the backend's choice
 * @param deviceMemoryBudget bytes of device memory a GPU backend may use at once; 0 means most of the free memory
 */
public record BackendOptions(Precision precision, int threads, int device, long deviceMemoryBudget) {
    public BackendOptions {
        Objects.requireNonNull(precision, "precision");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        if (device < -1) throw new IllegalArgumentException("device must be >= -1, was " + device);
        if (deviceMemoryBudget < 0) throw new IllegalArgumentException("deviceMemoryBudget must be >= 0, was " + deviceMemoryBudget);
    }

    /** Double precision, all processors, the backend's choice of device and memory. */
    public static BackendOptions defaults() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    /** The number of CPU worker threads these options ask for. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Builder for {@link BackendOptions}. */
    public static final class Builder {
        private Precision precision = Precision.DOUBLE;
        private int threads;
        private int device = -1;
        private long deviceMemoryBudget;

        private Builder() {}

        public Builder precision(Precision precision) { this.precision = precision; return this; }
        public Builder threads(int threads) { this.threads = threads; return this; }
        public Builder device(int device) { this.device = device; return this; }
        public Builder deviceMemoryBudget(long bytes) { this.deviceMemoryBudget = bytes; return this; }

        public BackendOptions build() { return new BackendOptions(precision, threads, device, deviceMemoryBudget); }
    }
}
