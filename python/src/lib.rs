//! `vault_secrets._native`: the vault library for Python. Every call runs the command line's
//! own code in this process (unlock order, permission checks, audit events); the Python side
//! (`vault_secrets/__init__.py`) adds the value object, the exceptions and the `getpass` prompt.
//!
//! Values cross into Python as `str` (Python cannot wipe them) only from `get` and `env`; on
//! our side they stay in zeroizing buffers. Errors carry the command line's exit code and
//! message, which never hold a value.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyString;
use vault::cli::api::{self, Where};
use zeroize::Zeroizing;

pyo3::create_exception!(
    _native,
    NativeError,
    PyException,
    "A vault error: args are (exit code, message, whether a passphrase was missing)."
);

fn to_py(e: vault::Error) -> PyErr {
    let mut msg = e.to_string();
    if let Some(hint) = e.hint() {
        msg.push_str(&format!(" (hint: {hint})"));
    }
    let no_passphrase = matches!(e, vault::Error::NoPassphrase);
    NativeError::new_err((e.exit_code(), msg, no_passphrase))
}

fn at(project: Option<String>, private: bool) -> Where {
    Where { project, private }
}

/// The acting user on one vault (see `vault::cli::api::Client`).
#[pyclass(module = "vault_secrets._native")]
struct Client {
    inner: Mutex<api::Client>,
    /// Kept apart so that reading them never waits for a call in progress.
    user: String,
    location: String,
}

impl Client {
    /// The client; a call that panicked (it never should) left nothing half-done in it that
    /// matters: each call opens the vault afresh.
    fn inner(&self) -> MutexGuard<'_, api::Client> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[pymethods]
impl Client {
    /// `session` and `env_passphrase` are what `VAULT_SESSION` and `VAULT_PASSPHRASE` held,
    /// taken out of the environment by the Python side.
    #[new]
    #[pyo3(signature = (vault=None, user=None, passphrase_file=None, session=None, env_passphrase=None))]
    fn new(
        vault: Option<PathBuf>,
        user: Option<String>,
        passphrase_file: Option<PathBuf>,
        session: Option<String>,
        env_passphrase: Option<&[u8]>,
    ) -> PyResult<Self> {
        let inner = api::Client::new(
            vault.map(OsString::from),
            user,
            passphrase_file,
            session.map(Zeroizing::new),
            env_passphrase.map(|p| Zeroizing::new(p.to_vec())),
        )
        .map_err(to_py)?;
        Ok(Client { user: inner.user().to_owned(), location: inner.location(), inner: Mutex::new(inner) })
    }

    #[getter]
    fn user(&self) -> String {
        self.user.clone()
    }

    #[getter]
    fn location(&self) -> String {
        self.location.clone()
    }

    #[getter]
    fn holds_keys(&self, py: Python<'_>) -> bool {
        py.allow_threads(|| self.inner().holds_keys())
    }

    /// The passphrase for the next unlock (asked with getpass after a call failed for the lack
    /// of one). Taken as bytes so that no `str` of it is kept.
    fn give_passphrase(&self, py: Python<'_>, passphrase: &[u8]) {
        let passphrase = Zeroizing::new(passphrase.to_vec());
        py.allow_threads(|| self.inner().give_passphrase(passphrase));
    }

    fn lock(&self, py: Python<'_>) {
        py.allow_threads(|| self.inner().lock());
    }

    /// (metadata JSON, value) of a secret; recorded as `secret reveal`.
    #[pyo3(signature = (name, project=None, private=false))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        name: String,
        project: Option<String>,
        private: bool,
    ) -> PyResult<(String, Bound<'py, PyString>)> {
        let (meta, value) = py.allow_threads(|| self.inner().get(&at(project, private), &name)).map_err(to_py)?;
        // Straight from the zeroizing buffer into the Python string: no Rust copy is left.
        Ok((meta, PyString::new(py, value.expose())))
    }

    /// The metadata of a project's secrets, as `secret list --json` prints it.
    #[pyo3(signature = (project=None, private=false))]
    fn list(&self, py: Python<'_>, project: Option<String>, private: bool) -> PyResult<String> {
        py.allow_threads(|| self.inner().list(&at(project, private))).map_err(to_py)
    }

    #[pyo3(signature = (name, value, project=None, private=false, description=String::new(), env_name=None, write_only=false))]
    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        py: Python<'_>,
        name: String,
        value: &[u8],
        project: Option<String>,
        private: bool,
        description: String,
        env_name: Option<String>,
        write_only: bool,
    ) -> PyResult<String> {
        let value = api::value(value).map_err(to_py)?;
        let new = api::New { name, description, env_name, write_only };
        py.allow_threads(|| self.inner().create(&at(project, private), &new, value)).map_err(to_py)
    }

    #[pyo3(signature = (name, project=None, private=false, value=None, description=None, rename=None, env_name=None))]
    #[allow(clippy::too_many_arguments)]
    fn update(
        &self,
        py: Python<'_>,
        name: String,
        project: Option<String>,
        private: bool,
        value: Option<&[u8]>,
        description: Option<String>,
        rename: Option<String>,
        env_name: Option<String>,
    ) -> PyResult<String> {
        let value = value.map(api::value).transpose().map_err(to_py)?;
        let update = api::Update { rename, description, env_name, value };
        py.allow_threads(|| self.inner().update(&at(project, private), &name, update)).map_err(to_py)
    }

    #[pyo3(signature = (name, project=None, private=false))]
    fn delete(&self, py: Python<'_>, name: String, project: Option<String>, private: bool) -> PyResult<()> {
        py.allow_threads(|| self.inner().delete(&at(project, private), &name)).map_err(to_py)
    }

    /// [(env name, value)] for a child process; recorded as `export reveal`.
    #[pyo3(signature = (project=None, private=false))]
    fn env<'py>(
        &self,
        py: Python<'py>,
        project: Option<String>,
        private: bool,
    ) -> PyResult<Vec<(String, Bound<'py, PyString>)>> {
        let pairs = py.allow_threads(|| self.inner().env(&at(project, private))).map_err(to_py)?;
        Ok(pairs.into_iter().map(|(k, v)| (k, PyString::new(py, v.expose()))).collect())
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Client>()?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    Ok(())
}
