#!/usr/bin/env bash
# Writes a failure reason the SageMaker way, then exits 3.
echo "reading data"
printf '  Bad input: column 3 is not numeric\n\n' > "$SM_OUTPUT_DIR/failure"
exit 3
