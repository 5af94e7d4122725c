package org.hybridta.backend;

import java.util.Objects;

/**
 * Whether a backend can run here, and if not, why — the reason ends up in the error a user sees.
 *
 * @param available whether {@link BackendProvider#create} can succeed
 * @param reason    what was found (e.g. {@code NVIDIA H100, driver 580}) or what is missing and how to fix it
 */
public record Availability(boolean available, String reason) {
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability yes(String detail) { return new Availability(true, detail); }

    public static Availability no(String reason) { return new Availability(false, reason); }
}
