-- Booking load for wrk (https://github.com/wg/wrk, Debian package `wrk`): POST /api/v1/appointments as fast as the
-- server answers, from every connection, closed loop. Started by BookingBenchmark, which makes the centre and writes
-- the data file; by hand:
--   wrk -t2 -c32 -d20s -s bench/booking.lua http://127.0.0.1:PORT -- <free|conflicting> <data.lua> <first-slot>
--
-- free:        connection slot i of thread t books provider (t * per-thread + i)'s slots one after another, so no two
--              requests ever want the same time of the same provider; every answer should be 201.
-- conflicting: every connection of every thread asks for the same slots of one provider, in the same order, so each
--              slot gets one 201 and the others 409 with the conflict listed.
-- A patient is never asked for twice at overlapping times. The data file returns
--   { token = "...", service = "uuid", providers = { "uuid", ... }, contested = "uuid", patients = { "uuid", ... },
--     perThread = 16, firstSlotEpoch = <06:00 clinic time on the first day, seconds since 1970> }
-- Slots are 30 minutes, 32 a day from 06:00.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   mode = args[1]
   data = dofile(args[2])
   firstSlot = tonumber(args[3] or "0")
   k = 0
   created, conflicts, other = 0, 0, 0
   half = math.floor(#data.patients / 2)
   -- the thread's own state has no `threads` table (setup ran in wrk's main state)
   threadCount = #data.providers / data.perThread
   headers = {
      ["Authorization"] = "Bearer " .. data.token,
      ["Content-Type"] = "application/json",
   }
end

local function startOf(slot)
   local day = math.floor(slot / 32)
   local minutes = 30 * (slot % 32)
   return os.date("!%Y-%m-%dT%H:%M:%SZ", data.firstSlotEpoch + day * 86400 + minutes * 60)
end

function request()
   local n = data.perThread
   local provider, slot, patient
   if mode == "free" then
      provider = data.providers[id * n + (k % n) + 1]
      slot = firstSlot + math.floor(k / n)
      patient = data.patients[((k * threadCount + id) % half) + 1]
   else
      provider = data.contested
      slot = firstSlot + math.floor(k / n)
      patient = data.patients[half + ((k * threadCount + id) % half) + 1]
   end
   k = k + 1
   local body = '{"patientId":"' .. patient .. '","serviceId":"' .. data.service .. '","providerId":"' .. provider
      .. '","startsAt":"' .. startOf(slot) .. '"}'
   return wrk.format("POST", "/api/v1/appointments", headers, body)
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
   elseif status == 409 then
      conflicts = conflicts + 1
   else
      other = other + 1
      if other <= 3 then
         io.stderr:write(status .. " " .. body .. "\n")
      end
   end
end

function done(summary, latency, requests)
   local c, r, o = 0, 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created")
      r = r + t:get("conflicts")
      o = o + t:get("other")
   end
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d seconds=%.3f created=%d conflicts=%d other=%d p50=%.3f p95=%.3f p99=%.3f max=%.3f"
         .. " socketErrors=%d timeouts=%d\n",
      summary.requests, summary.duration / 1e6, c, r, o,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, e.connect + e.read + e.write, e.timeout))
end
