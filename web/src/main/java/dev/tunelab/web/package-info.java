/**
 * The read-only web view of a TuneLab home: the dashboard server, its JSON API (see
 * {@code docs/dashboard-api.md}) and the self-contained HTML report that embeds the same data.
 */
package dev.tunelab.web;
