// core/aio in one include: the event loop, tasks and every awaitable.
#pragma once

#include "aio/as_completed.h"
#include "aio/clock.h"
#include "aio/errors.h"
#include "aio/event.h"
#include "aio/event_loop.h"
#include "aio/future.h"
#include "aio/gather.h"
#include "aio/io_source.h"
#include "aio/semaphore.h"
#include "aio/sleep.h"
#include "aio/task.h"
#include "aio/task_handle.h"
#include "aio/wait_for.h"
