package org.hybridta.cuda;

import jcuda.driver.CUdeviceptr;

/**
 * The numeric address of a JCuda device pointer, for bindings that take raw addresses (JavaCPP). JCuda keeps it
 * protected; a subclass made from the pointer (its copy constructor) may read its own.
 */
final class DeviceAddress extends CUdeviceptr {
    private DeviceAddress(CUdeviceptr p) {
        super(p);
    }

    /** The device address {@code p} points at, its byte offset included. */
    static long of(CUdeviceptr p) {
        DeviceAddress a = new DeviceAddress(p);
        return a.getNativePointer() + a.getByteOffset();
    }
}
