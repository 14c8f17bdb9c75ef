/** Benchmarks run by hand (docs/benchmarks.md): throughput ratios measured in one run, never timed unit tests. */
package app.frontdesk.bench;
