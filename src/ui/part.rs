//! A path to one part of a case (the police enquiry, the second resident of an address), from
//! which a page binds its questions: each binding is a value signal and a change callback.
//!
//! Reads and writes always go to the stored case itself, never through a copy of the part: only
//! the case and the answers are signals. That keeps the reactive code compiled into the app to
//! one set per answer type (text, date, yes/no...), a large saving in the size of the download.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::case::{Case, HasId};
use crate::domain::choice::Choice;
use crate::ui::state::{CaseHandle, yes_no_from_key};

type Get<R> = Arc<dyn for<'a> Fn(&'a Case) -> Option<&'a R> + Send + Sync>;
type GetMut<R> = Arc<dyn for<'a> Fn(&'a mut Case) -> Option<&'a mut R> + Send + Sync>;

pub struct Part<R: 'static> {
    pub handle: CaseHandle,
    get: Get<R>,
    get_mut: GetMut<R>,
}

impl<R: 'static> Clone for Part<R> {
    fn clone(&self) -> Self {
        Part {
            handle: self.handle,
            get: self.get.clone(),
            get_mut: self.get_mut.clone(),
        }
    }
}

// Closures that borrow into their argument need their signature spelled out.
fn get_fn<R, F: for<'a> Fn(&'a Case) -> Option<&'a R> + Send + Sync + 'static>(f: F) -> F {
    f
}
fn get_mut_fn<R, F: for<'a> Fn(&'a mut Case) -> Option<&'a mut R> + Send + Sync + 'static>(
    f: F,
) -> F {
    f
}

/// The signal and callback of one answer. Generic over the answer's type only, not over where it
/// sits in the case: the reactive code is compiled once per answer type (a saving in download).
fn bind<T>(
    handle: CaseHandle,
    read: Arc<dyn Fn(&Case) -> Option<T> + Send + Sync>,
    write: Arc<dyn Fn(&mut Case, T) + Send + Sync>,
) -> (Signal<T>, Callback<T>)
where
    T: Clone + Default + Send + Sync + 'static,
{
    let value = Signal::derive(move || {
        handle
            .case
            .with(|c| c.as_ref().and_then(|c| read(c)).unwrap_or_default())
    });
    let change = Callback::new(move |v: T| {
        let write = write.clone();
        handle.update(move |c| write(c, v))
    });
    (value, change)
}

impl Part<Case> {
    /// The whole case.
    pub fn root(handle: CaseHandle) -> Part<Case> {
        Part {
            handle,
            get: Arc::new(get_fn(|c| Some(c))),
            get_mut: Arc::new(get_mut_fn(|c| Some(c))),
        }
    }
}

impl<R: 'static> Part<R> {
    /// A part inside this one, found by a key (an id, a question) with plain functions.
    pub fn keyed<S: 'static, K: Copy + Send + Sync + 'static>(
        &self,
        key: K,
        get: fn(&R, K) -> Option<&S>,
        get_mut: fn(&mut R, K) -> Option<&mut S>,
    ) -> Part<S> {
        let (outer, outer_mut) = (self.get.clone(), self.get_mut.clone());
        Part {
            handle: self.handle,
            get: Arc::new(get_fn(move |c| outer(c).and_then(|r| get(r, key)))),
            get_mut: Arc::new(get_mut_fn(move |c| {
                outer_mut(c).and_then(|r| get_mut(r, key))
            })),
        }
    }

    /// A part that always exists inside this one, such as the police enquiry inside a case.
    pub fn at<S: 'static>(&self, get: fn(&R) -> &S, get_mut: fn(&mut R) -> &mut S) -> Part<S> {
        self.keyed(
            (get, get_mut),
            |r, (g, _)| Some(g(r)),
            |r, (_, m)| Some(m(r)),
        )
    }

    /// One item of a list inside this part, by id.
    pub fn item<S: HasId + 'static>(
        &self,
        list: fn(&R) -> &Vec<S>,
        list_mut: fn(&mut R) -> &mut Vec<S>,
        id: u32,
    ) -> Part<S> {
        self.keyed(
            (list, list_mut, id),
            |r, (l, _, id)| l(r).iter().find(|s| s.id() == id),
            |r, (_, l, id)| l(r).iter_mut().find(|s| s.id() == id),
        )
    }

    /// Reads the part, tracking it: a view or memo reading it updates when it changes.
    pub fn with<T: Default>(&self, read: impl FnOnce(&R) -> T) -> T {
        let get = &self.get;
        self.handle.case.with(|c| {
            c.as_ref()
                .and_then(|c| get(c))
                .map(read)
                .unwrap_or_default()
        })
    }

    /// Changes the part and saves the case.
    pub fn update(&self, change: impl FnOnce(&mut R)) {
        let get_mut = self.get_mut.clone();
        self.handle.update(move |c| {
            if let Some(r) = get_mut(c) {
                change(r);
            }
        });
    }

    /// One answer, read and written with a key and plain functions.
    pub fn field_with<K, T>(
        &self,
        key: K,
        get: fn(&R, K) -> T,
        put: fn(&mut R, K, T),
    ) -> (Signal<T>, Callback<T>)
    where
        K: Copy + Send + Sync + 'static,
        T: Clone + Default + Send + Sync + 'static,
    {
        let (outer, outer_mut) = (self.get.clone(), self.get_mut.clone());
        bind(
            self.handle,
            Arc::new(move |c| outer(c).map(|r| get(r, key))),
            Arc::new(move |c, v| {
                if let Some(r) = outer_mut(c) {
                    put(r, key, v)
                }
            }),
        )
    }

    /// One answer: its value as a signal, and a callback that records a new value.
    pub fn field<T>(&self, get: fn(&R) -> T, put: fn(&mut R, T)) -> (Signal<T>, Callback<T>)
    where
        T: Clone + Default + Send + Sync + 'static,
    {
        self.field_with((get, put), |r, (g, _)| g(r), |r, (_, p), v| p(r, v))
    }

    /// An answer from a fixed list, as radios see it: the option's key.
    pub fn choice<C: Choice>(
        &self,
        get: fn(&R) -> Option<C>,
        put: fn(&mut R, Option<C>),
    ) -> (Signal<String>, Callback<String>) {
        self.field_with(
            (get, put),
            |r, (g, _)| g(r).map(|c| c.key().to_string()).unwrap_or_default(),
            |r, (_, p), k: String| p(r, C::from_key(&k)),
        )
    }

    /// A yes/no answer, as radios see it.
    pub fn yes_no(
        &self,
        get: fn(&R) -> Option<bool>,
        put: fn(&mut R, Option<bool>),
    ) -> (Signal<String>, Callback<String>) {
        self.field_with(
            (get, put),
            |r, (g, _)| crate::ui::components::fields::yes_no_key(g(r)).to_string(),
            |r, (_, p), k: String| p(r, yes_no_from_key(&k)),
        )
    }

    /// Several answers from a fixed list, as checkboxes see them, kept in the list's own order.
    pub fn choices<C: Choice>(
        &self,
        get: fn(&R) -> &Vec<C>,
        put: fn(&mut R, Vec<C>),
    ) -> (Signal<Vec<String>>, Callback<Vec<String>>) {
        self.field_with(
            (get, put),
            |r, (g, _)| g(r).iter().map(|c| c.key().to_string()).collect(),
            |r, (_, p), keys: Vec<String>| {
                p(
                    r,
                    C::all()
                        .iter()
                        .copied()
                        .filter(|c| keys.iter().any(|k| k == c.key()))
                        .collect(),
                )
            },
        )
    }

    /// The ids of a list's items, for repeated groups.
    pub fn ids<S: HasId + 'static>(
        &self,
        list: fn(&R) -> &Vec<S>,
    ) -> impl Fn() -> Vec<u32> + Send + Sync + 'static {
        let part = self.clone();
        move || part.with(|r| list(r).iter().map(|s| s.id()).collect())
    }

    /// The 1-based position of an item in its list, for headings such as "Offence 2".
    pub fn position<S: HasId + 'static>(
        &self,
        list: fn(&R) -> &Vec<S>,
        id: u32,
    ) -> impl Fn() -> usize + Clone + Send + Sync + 'static {
        let part = self.clone();
        move || {
            part.with(|r| {
                list(r)
                    .iter()
                    .position(|s| s.id() == id)
                    .map(|i| i + 1)
                    .unwrap_or(0)
            })
        }
    }
}
