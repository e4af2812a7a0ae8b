/**
 * A load driver of the marketplace's HTTP API, measured beside the server's bare HTTP round trip in the same run;
 * it starts the marketplace jar as a separate process and speaks to it over HTTP only. Entry point:
 * {@link dev.ordo.bench.http.HttpBench}.
 */
package dev.ordo.bench.http;
