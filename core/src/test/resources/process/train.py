#!/usr/bin/env python3
"""Test training program following SageMaker's container contract.

Echoes what it was given (arguments, hyperparameters.json, SM_* environment, channel files) as
REPORT lines, prints one `epoch N loss=X` line per epoch on stdout and `epoch N val_loss: Y` on
stderr, then writes a model file. loss = lr / 2**epoch and val_loss = 2 * loss, epochs 1..N.
"""
import json
import os
import sys
import time


def report(key, value):
    print("REPORT " + key + "=" + json.dumps(value, sort_keys=True), flush=True)


with open(os.environ["SM_HPS_FILE"]) as f:
    hps = json.load(f)
base = os.environ["SM_BASE_DIR"]
with open(os.path.join(base, "input", "config", "inputdataconfig.json")) as f:
    data_config = json.load(f)

report("argv", sys.argv[1:])
report("hps_file", hps)
report("cwd", os.getcwd())
report("data_config", data_config)
report("env", {k: v for k, v in os.environ.items()
               if k.startswith("SM_") or k in ("OMP_NUM_THREADS", "TRAINING_JOB_NAME", "MY_VAR")})
channels = {}
for name in json.loads(os.environ["SM_CHANNELS"]):
    d = os.environ["SM_CHANNEL_" + name.upper()]
    channels[name] = {fn: open(os.path.join(d, fn)).readline().strip() for fn in sorted(os.listdir(d))}
report("channels", channels)

epochs = int(hps.get("epochs", "3"))
lr = float(hps.get("lr", "1.0"))
delay = float(hps.get("delay", "0"))
print("loss=nan", flush=True)  # an unparseable value, to be ignored
for epoch in range(1, epochs + 1):
    loss = lr / 2 ** epoch
    print("epoch %d loss=%s" % (epoch, repr(loss)), flush=True)
    print("epoch %d val_loss: %s" % (epoch, repr(2 * loss)), file=sys.stderr, flush=True)
    print("[%d]\ttrain-rmse:%s\tvalidation-rmse:%s" % (epoch - 1, repr(loss), repr(3 * loss)), flush=True)
    if delay:
        time.sleep(delay)

with open(os.path.join(os.environ["SM_MODEL_DIR"], "model.txt"), "w") as f:
    f.write("lr=%s\n" % lr)
print("done", flush=True)
