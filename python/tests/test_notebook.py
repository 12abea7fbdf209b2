"""A real notebook, run by nbclient on a real Jupyter kernel (ipykernel), reads, creates and
re-reads a rotated secret; the saved notebook shows *** and holds no value anywhere."""

import hashlib
import json

import nbclient
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import ALICE_PASS, VAULT_BIN, assert_absent

HF = "hf_notebook_value_Xq83mZ0pLw5RtY2v"
ROTATED = "hf_rotated_while_the_kernel_runs_77"
WANDB = "wandb_from_a_notebook_cell_5e1c9b3a"

CELLS = [
    # The Hopsworks-style flow: read by name, show it, create one, list.
    "import hashlib, os, subprocess\nimport vault_secrets\n"
    "tok = vault_secrets.get('hf-token', project='ml-pipeline')\ntok",
    "print(tok, f'{tok}', str(tok), [tok])\n"
    "print('sha256', hashlib.sha256(tok.reveal().encode()).hexdigest())",
    "vault_secrets.create('wandb-key', open(os.environ['NEW_VALUE_FILE']).read(), project='ml-pipeline', description='W&B')",
    "vault_secrets.list(project='ml-pipeline')",
    "env = vault_secrets.env(project='ml-pipeline')\nenv",
    "print(subprocess.run(['sh', '-c', 'test \"$wandb_key\" = \"$(cat \"$NEW_VALUE_FILE\")\" && echo same'],"
    " env={**os.environ, **env}, capture_output=True, text=True).stdout)",
    # Rotated from the command line while the kernel runs: the next get sees it, no restart.
    "print('VAULT_PASSPHRASE' in os.environ)\n"
    "subprocess.run([os.environ['VAULT_BIN'], 'secret', 'edit', 'hf-token', '--project', 'ml-pipeline', '--value-stdin',"
    " '--passphrase-file', os.environ['ALICE_PASS_FILE']],"
    " stdin=open(os.environ['ROTATED_FILE']), check=True)\n"
    "tok = vault_secrets.get('hf-token', project='ml-pipeline')\n"
    "print('rotated sha256', hashlib.sha256(tok.reveal().encode()).hexdigest())\ntok",
    "try:\n    vault_secrets.get('no-such-secret', project='ml-pipeline')\n"
    "except vault_secrets.NotFound as e:\n    print(type(e).__name__, e.exit_code)",
    # An error left in the notebook shows no value either.
    "raise RuntimeError(f'failed with {tok!r} and {tok}')",
]


def test_a_real_notebook_shows_only_masks(cli, monkeypatch):
    cli.create("ml-pipeline", "hf-token", HF)
    new_value = cli.scratch / "wandb"
    new_value.write_text(WANDB)
    rotated = cli.scratch / "rotated"
    rotated.write_text(ROTATED)
    # The kernel inherits this environment, as `vault run -- jupyter lab` or a shell's would.
    monkeypatch.setenv("VAULT_PASSPHRASE", ALICE_PASS)
    monkeypatch.setenv("VAULT_BIN", VAULT_BIN)
    monkeypatch.setenv("NEW_VALUE_FILE", str(new_value))
    monkeypatch.setenv("ROTATED_FILE", str(rotated))
    pass_file = cli.scratch / "alice.pass"
    pass_file.write_text(ALICE_PASS)
    monkeypatch.setenv("ALICE_PASS_FILE", str(pass_file))

    nb = new_notebook(cells=[new_code_cell(c) for c in CELLS])
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                                     resources={"metadata": {"path": str(cli.scratch)}})
    client.execute()
    saved = cli.scratch / "run.ipynb"
    nbformat.write(nb, saved)
    text = saved.read_text()

    outputs = [json.dumps(c.get("outputs", [])) for c in nb.cells]
    # What each cell showed: the masks, the digests that prove the real values were read.
    assert '"***"' in outputs[0]
    assert "*** *** *** [***]" in outputs[1]
    assert hashlib.sha256(HF.encode()).hexdigest() in outputs[1]
    assert "wandb-key" in outputs[2] and "value='***'" in outputs[2]
    assert "hf-token" in outputs[3] and "wandb-key" in outputs[3]
    assert "'hf_token': '***'" in outputs[4] and "'wandb_key': '***'" in outputs[4]
    assert "same" in outputs[5]
    assert hashlib.sha256(ROTATED.encode()).hexdigest() in outputs[6]
    assert '"False\\n' in outputs[6]  # the kernel's VAULT_PASSPHRASE was taken out of os.environ
    assert "NotFound 3" in outputs[7]
    assert "RuntimeError" in outputs[8] and "failed with *** and ***" in outputs[8]
    assert not any('"error"' in o for o in outputs[:8]), outputs
    # No value in the saved notebook, nor in anything the kernel or vault left in the home.
    for v in (HF, ROTATED, WANDB, ALICE_PASS):
        assert_absent(v, text)
        assert_absent(v, cli.files())
    # The binary sees what the notebook made, and the audit names alice for each read.
    assert cli.reveal("ml-pipeline", "wandb-key") == WANDB
    actions = [(e["user"], e["action"], e.get("resource")) for e in cli.audit()]
    assert ("alice", "secret create", "wandb-key") in actions
    assert actions.count(("alice", "secret reveal", "hf-token")) == 2


def test_the_notebook_kernel_is_real():
    """Guard: the test above must not pass on a kernel that never ran."""
    nb = new_notebook(cells=[new_code_cell("import sys\nprint(sys.executable)")])
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    assert nb.cells[0].outputs[0]["text"].strip()
    with pytest.raises(nbclient.exceptions.CellExecutionError):
        nbclient.NotebookClient(new_notebook(cells=[new_code_cell("1/0")]), kernel_name="python3", timeout=60).execute()
