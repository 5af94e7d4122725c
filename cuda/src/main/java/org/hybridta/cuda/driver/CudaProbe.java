package org.hybridta.cuda.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import org.hybridta.backend.Availability;

/**
 * Finds out, once per process, whether the CUDA backend can run here: the driver library loads,
 * {@code cuInit} succeeds, the driver is new enough for the PTX, and there is a device it can run on.
 * Never throws; the decision itself ({@link #decide}) is a pure function so that every answer can be
 * tested on a machine without a GPU.
 */
public final class CudaProbe {
    /** The driver API version the checked-in PTX needs: nvcc 13.0 writes PTX ISA 9.0, which drivers from CUDA 13.0 (580) read. */
    public static final int REQUIRED_DRIVER_VERSION = 13000;
    public static final String REQUIRED_DRIVER_TEXT = "NVIDIA driver 580 or newer (CUDA 13.0)";
    /** The PTX targets compute_80: cp.async, which the kernels stream with, exists from compute capability 8.0. */
    public static final int REQUIRED_CC = 80;

    /** One device as the driver describes it. */
    public record Device(int ordinal, String name, int computeCapability, long totalMemory) {
        public String describe() {
            return name + " (compute capability " + computeCapability / 10 + "." + computeCapability % 10 + ", "
                    + totalMemory / (1L << 30) + " GiB)";
        }
    }

    /**
     * What was found.
     *
     * @param loadError     why the driver library could not be loaded, or null
     * @param initResult    {@code cuInit}'s result (meaningful when the library loaded)
     * @param driverVersion {@code cuDriverGetVersion}, e.g. 13000 for CUDA 13.0
     * @param devices       the devices
     */
    public record Facts(Throwable loadError, int initResult, int driverVersion, List<Device> devices) {}

    private static Facts facts;
    private static Availability availability;

    private CudaProbe() {}

    /** Whether the backend can run here, and why not; computed once. Never throws. */
    public static synchronized Availability availability() {
        if (availability == null) {
            try {
                facts = gather();
                availability = decide(facts);
            } catch (Throwable t) {
                availability = Availability.no("the CUDA driver could not be queried: " + t);
            }
        }
        return availability;
    }

    /** The devices the backend can use (empty when not available). */
    public static synchronized List<Device> usableDevices() {
        if (!availability().available()) return List.of();
        List<Device> usable = new ArrayList<>();
        for (Device d : facts.devices()) if (d.computeCapability() >= REQUIRED_CC) usable.add(d);
        return usable;
    }

    public static Facts gather() {
        try {
            JCudaDriver.setExceptionsEnabled(false);  // loads the native library; an Error if it cannot
        } catch (Throwable t) {
            return new Facts(t, -1, 0, List.of());
        }
        int init = JCudaDriver.cuInit(0);
        if (init != CUresult.CUDA_SUCCESS) return new Facts(null, init, 0, List.of());
        int[] v = new int[1];
        Cuda.check(JCudaDriver.cuDriverGetVersion(v), "cuDriverGetVersion");
        int[] n = new int[1];
        Cuda.check(JCudaDriver.cuDeviceGetCount(n), "cuDeviceGetCount");
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < n[0]; i++) devices.add(describe(i));
        return new Facts(null, init, v[0], devices);
    }

    public static Device describe(int ordinal) {
        CUdevice dev = new CUdevice();
        Cuda.check(JCudaDriver.cuDeviceGet(dev, ordinal), "cuDeviceGet(" + ordinal + ")");
        byte[] name = new byte[256];
        Cuda.check(JCudaDriver.cuDeviceGetName(name, name.length, dev), "cuDeviceGetName");
        int len = 0;
        while (len < name.length && name[len] != 0) len++;
        int[] major = new int[1], minor = new int[1];
        Cuda.check(JCudaDriver.cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev),
                "cuDeviceGetAttribute(compute capability major)");
        Cuda.check(JCudaDriver.cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev),
                "cuDeviceGetAttribute(compute capability minor)");
        long[] total = new long[1];
        Cuda.check(JCudaDriver.cuDeviceTotalMem(total, dev), "cuDeviceTotalMem");
        return new Device(ordinal, new String(name, 0, len, java.nio.charset.StandardCharsets.US_ASCII), major[0] * 10 + minor[0], total[0]);
    }

    /** The decision, from the facts alone. */
    public static Availability decide(Facts f) {
        if (f.loadError() != null) {
            String msg = chain(f.loadError());
            if (msg.contains("libcuda")) {
                return Availability.no("no NVIDIA driver found (libcuda.so.1 is missing): install the "
                        + REQUIRED_DRIVER_TEXT + " or use --backend cpu");
            }
            return Availability.no("the JCuda driver library could not be loaded (" + msg + "): JCuda's natives cover Linux x86-64; use --backend cpu");
        }
        if (f.initResult() == CUresult.CUDA_ERROR_NO_DEVICE) {
            return Availability.no("the NVIDIA driver is installed but sees no CUDA device (cuInit: CUDA_ERROR_NO_DEVICE): "
                    + "check CUDA_VISIBLE_DEVICES and nvidia-smi, or use --backend cpu");
        }
        if (f.initResult() == CUresult.CUDA_ERROR_STUB_LIBRARY) {
            return Availability.no("libcuda.so.1 is the CUDA toolkit's stub, not an NVIDIA driver (cuInit: CUDA_ERROR_STUB_LIBRARY): "
                    + "install the " + REQUIRED_DRIVER_TEXT + " or use --backend cpu");
        }
        if (f.initResult() == CUresult.CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE) {
            return Availability.no("the NVIDIA driver is too old for this GPU (cuInit: CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE); the kernels need "
                    + REQUIRED_DRIVER_TEXT + ": update the driver or use --backend cpu");
        }
        if (f.initResult() != CUresult.CUDA_SUCCESS) {
            return Availability.no("the NVIDIA driver could not start (cuInit: " + Cuda.errorName(f.initResult())
                    + "): check nvidia-smi, or use --backend cpu");
        }
        if (f.driverVersion() < REQUIRED_DRIVER_VERSION) {
            return Availability.no("the NVIDIA driver supports " + versionText(f.driverVersion()) + " but the kernels' PTX needs "
                    + REQUIRED_DRIVER_TEXT + ": update the driver or use --backend cpu");
        }
        if (f.devices().isEmpty()) {
            return Availability.no("the NVIDIA driver sees no CUDA device: check CUDA_VISIBLE_DEVICES and nvidia-smi, or use --backend cpu");
        }
        List<String> usable = new ArrayList<>(), tooOld = new ArrayList<>();
        for (Device d : f.devices()) (d.computeCapability() >= REQUIRED_CC ? usable : tooOld).add(d.describe());
        if (usable.isEmpty()) {
            return Availability.no("no GPU of compute capability 8.0 or newer (found " + String.join(", ", tooOld)
                    + "); the kernels need Ampere or newer: use --backend cpu");
        }
        return Availability.yes(String.join(", ", usable) + ", " + versionText(f.driverVersion()));
    }

    public static String versionText(int driverVersion) {
        return String.format(Locale.ROOT, "CUDA %d.%d", driverVersion / 1000, (driverVersion % 1000) / 10);
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) sb.append(": ");
            sb.append(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage().strip());
        }
        return sb.toString();
    }
}
