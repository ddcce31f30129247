package dev.sparkcputour.report;

import dev.sparkcputour.results.Report;

import java.io.IOException;

/** One way of writing a {@link Report}: a table for people, JSON for tools. */
public interface ResultFormat {

    void writeOut(Report report, Appendable out) throws IOException;
}
