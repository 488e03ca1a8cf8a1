"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { createInvalidationBatcher, type InvalidationBatcher } from "./invalidation-batcher";

/** One invalidation batcher for a component's lifetime (pending hints are dropped on unmount). */
export function useInvalidationBatcher(): InvalidationBatcher {
  const qc = useQueryClient();
  const [batcher] = useState(() => createInvalidationBatcher(qc));
  useEffect(() => () => batcher.dispose(), [batcher]);
  return batcher;
}
