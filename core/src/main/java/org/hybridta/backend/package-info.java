/**
 * The compute-backend SPI: {@link org.hybridta.backend.ComputeBackend} computes indicators for panels,
 * {@link org.hybridta.backend.BackendProvider} is found through {@link java.util.ServiceLoader}, and
 * {@link org.hybridta.backend.Backends} chooses one by name, system property, environment or priority.
 */
package org.hybridta.backend;
