/**
 * Yahoo Finance quote source for HybridTA, on Apache HttpClient 5.
 */
package org.hybridta.yahoo;
