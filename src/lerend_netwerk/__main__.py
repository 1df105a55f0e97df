import sys

from lerend_netwerk.cli import run

sys.exit(run(sys.argv[1:], prog_name="lerend-netwerk"))
