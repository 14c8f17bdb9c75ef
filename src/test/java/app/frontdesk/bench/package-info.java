/** Benchmarks run by hand (README, "Benchmark"): throughput ratios measured in one run, never timed unit tests. */
package app.frontdesk.bench;
