/**
 * {@code paved serve}: the long-running process that keeps live state equal to the last good commit of the
 * platform repo. {@code store} keeps runs, refusals and the last good commit (H2 by default, PostgreSQL for
 * several replicas); {@code http} serves health, metrics, webhooks and the JSON API.
 */
package dev.paved.daemon;
