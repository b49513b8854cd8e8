package org.amamo.application.internal;

import java.time.Instant;

/**
 * One owner in a project's history: the user, the name shown for them (their organisation's, else their own), and
 * the time they became owner ({@code until} is null for the current owner).
 */
record ProjectOwner(long userId, String name, Instant since, Instant until) {}
