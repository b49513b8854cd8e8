package org.amamo.registry;

/** A batch as other features name it: id, serial prefix (e.g. {@code JBC-2024-0012-01}), project and vintage. */
public record CreditBatch(
        long batchId, String batchSerial, long projectId, String projectCode, String projectName, int vintage) {}
