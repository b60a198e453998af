#pragma once
// The in-process executor: a pool of worker threads sharing the run's Evaluator, the
// cores split evenly between them.
#include "core/engine/executor.h"

namespace edgesmith {

std::unique_ptr<Executor> makeLocalExecutor(const ExecutorContext& context);

} // namespace edgesmith
