/**
 * Internal, not API: the bridge between HybridTA and Open MPI's Java bindings.
 *
 * <p>{@link org.hybridta.mpi.internal.OpenMpiTransport} is the only class that touches {@code mpi.*}. It is
 * loaded, with the bindings, by a class loader of their own that knows where {@code libmpi_java.so} is: the
 * bindings call {@code System.loadLibrary("mpi_java")}, which searches only {@code java.library.path}, and
 * distributions install the library elsewhere or under its versioned name only. The rest of hybridta-mpi
 * talks to it through {@link org.hybridta.mpi.internal.Transport} and {@link org.hybridta.mpi.internal.SharedLongs},
 * which are loaded by the application's class loader — hence public.
 */
package org.hybridta.mpi.internal;
