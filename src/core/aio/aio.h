// core/aio in one include: the event loop, tasks and every awaitable.
#pragma once

#include "core/aio/as_completed.h"
#include "core/aio/clock.h"
#include "core/aio/errors.h"
#include "core/aio/event.h"
#include "core/aio/event_loop.h"
#include "core/aio/future.h"
#include "core/aio/gather.h"
#include "core/aio/io_source.h"
#include "core/aio/semaphore.h"
#include "core/aio/sleep.h"
#include "core/aio/task.h"
#include "core/aio/task_handle.h"
#include "core/aio/wait_for.h"
