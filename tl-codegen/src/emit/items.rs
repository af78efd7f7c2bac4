//! Structs for constructors and functions: the declaration, the group structs, the derived bits, and the
//! trait impls. A constructor's `Serialize`/`Deserialize` are its bare encoding (its enum adds the id); a
//! function's are boxed (its id first), as a request is sent.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};

use super::{Emitter, Form, Place, description, doc_attr, doc_lines, hex};
use crate::ident::ident;
use crate::model::{DefaultImpl, FieldKind, Item, TypeRef};

/// The generic parameters of an item, for its impls: the lifetime of a borrowed struct, and the type
/// parameters of a generic function.
pub(super) struct Generics {
    lifetime: Option<TokenStream>,
    names: Vec<proc_macro2::Ident>,
}

impl Generics {
    fn of(item: &Item, place: Place<'_>) -> Self {
        Generics {
            lifetime: (place.form_of(item.borrows) == Form::Borrowed).then(|| quote!('a,)),
            names: item.generics.iter().map(|g| ident(g)).collect(),
        }
    }

    /// The type parameters `names` (of a generic type's enum or a group struct: never borrowed).
    pub(super) fn named(names: &[String]) -> Self {
        Generics {
            lifetime: None,
            names: names.iter().map(|g| ident(g)).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.lifetime.is_none() && self.names.is_empty()
    }

    /// `<'a, X, Y>`, or nothing.
    pub(super) fn params(&self) -> Option<TokenStream> {
        let (lifetime, names) = (&self.lifetime, &self.names);
        (!self.is_empty()).then(|| quote!(<#lifetime #(#names),*>))
    }

    /// A type parameter named `base` (`O`), or `base` and a number (`O2`) when a TL parameter has that
    /// name.
    fn fresh_name(&self, base: &str) -> proc_macro2::Ident {
        let numbered = (2_usize..).map(|n| format_ident!("{}{}", base, n));
        std::iter::once(format_ident!("{}", base))
            .chain(numbered)
            .find(|candidate| !self.names.contains(candidate))
            .expect("an unbounded sequence of names")
    }

    /// `X: Bound, Y: Bound,`: the type parameters bounded, to follow other parameters (`impl<'de, ...>`).
    pub(super) fn bound_list(&self, bound: TokenStream) -> TokenStream {
        let names = &self.names;
        quote!(#(#names: #bound,)*)
    }

    /// `&<X as Deserialize>::deserialize, ...`: each parameter read by its trait, for `deserialize_with`.
    pub(super) fn trait_readers(&self) -> Vec<TokenStream> {
        (self.names.iter())
            .map(|name| quote!(&<#name as ::tl_runtime::Deserialize>::deserialize))
            .collect()
    }

    /// `<'a, X: Bound, Y: Bound>`, or nothing.
    pub(super) fn bounded(&self, bound: TokenStream) -> Option<TokenStream> {
        let (lifetime, names) = (&self.lifetime, &self.names);
        (!self.is_empty()).then(|| quote!(<#lifetime #(#names: #bound),*>))
    }

    /// `Deserialize` for the generic type or struct `name` (at least `min` bytes), delegating to its
    /// inherent `deserialize_with` with each parameter read by its own `Deserialize`.
    pub(super) fn delegating_deserialize(&self, name: &proc_macro2::Ident, min: &Literal) -> TokenStream {
        let (bounds, params) = (self.bounded(quote!(::tl_runtime::Deserialize)), self.params());
        let read_by_trait = self.trait_readers();
        quote! {
            impl #bounds ::tl_runtime::Deserialize for #name #params {
                const MIN_SIZE: usize = #min;
                #[inline]
                fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> {
                    Self::deserialize_with(reader, #(#read_by_trait),*)
                }
            }
        }
    }

    /// The inherent `deserialize_with_counts` (documented by `doc`, given `nat_params` counts) of the
    /// generic type or struct `name`, delegating to its `deserialize_with` with each parameter read by
    /// its own `Deserialize`.
    pub(super) fn delegating_with_counts(
        &self,
        name: &proc_macro2::Ident,
        doc: &str,
        nat_params: usize,
    ) -> TokenStream {
        let (bounds, params) = (self.bounded(quote!(::tl_runtime::Deserialize)), self.params());
        let read_by_trait = self.trait_readers();
        let delegate = quote!(Self::deserialize_with(reader, counts, #(#read_by_trait),*));
        let function = with_counts_fn(doc, nat_params, delegate);
        quote!(impl #bounds #name #params { #function })
    }
}

impl Emitter<'_> {
    /// A constructor: its struct, and its bare encoding (for a borrowed struct, also `into_owned`).
    pub(super) fn constructor(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let declaration = self.declaration(item, place, "constructor");
        if self.options.tdjson {
            // TDLib's JSON is the wire of these types: they have no TL binary encoding.
            return declaration;
        }
        let serialize = self.serialize_impl(item, place, None);
        let deserialize = match item.nat_params.is_empty() {
            true => self.deserialize_impl(item, place, None),
            false => self.counted_decoder(item, place, None),
        };
        let into_owned = (place.form == Form::Borrowed).then(|| self.struct_into_owned(item, place));
        quote!(#declaration #serialize #deserialize #into_owned)
    }

    /// A function: its struct, its boxed encoding (`Deserialize` unless turned off), and `RemoteCall`.
    pub(super) fn function(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let declaration = self.declaration(item, place, "function");
        if self.options.tdjson {
            let function = self.tdjson_function(item, place);
            return quote!(#declaration #function);
        }
        let serialize = self.serialize_impl(item, place, Some(item.id));
        // `Function` (any function) decodes by the functions' decoders: they exist wherever it does.
        let any_function = self.model.types.iter().any(|ty| ty.functions.is_some());
        let deserialize =
            (self.options.deserialize_functions || any_function).then(|| match item.nat_params.is_empty() {
                true => self.deserialize_impl(item, place, Some(item.id)),
                false => self.counted_decoder(item, place, Some(item.id)),
            });
        let remote_call = self.remote_call(item, place);
        let read_answer = item
            .counted_answer
            .as_ref()
            .map(|answer| self.read_answer(item, place, answer));
        let possible_errors = self.possible_errors_const(item);
        quote!(#declaration #serialize #deserialize #remote_call #read_answer #possible_errors)
    }

    /// `read_answer`: the answer of a function whose answer type has `#` parameters, read with the counts
    /// the request holds (its `RemoteCall::Return` is the answer's bytes, read without them).
    fn read_answer(&self, item: &Item, place: Place<'_>, answer: &TypeRef) -> TokenStream {
        let name = ident(&item.rust_name);
        let rust = self.rust_type(place, answer);
        let read = self.read_expr(place, answer);
        let counts = answer_counts(item, answer);
        let answer_type = item.definition.rsplit_once(" = ").map_or("", |(_, answer)| answer);
        let answer_type = answer_type.trim_end_matches(';');
        let mut docs = vec![
            format!(" Reads the answer to this request, `{answer_type}`, with the counts the request holds"),
            " (they are not on the wire): the typed form of `RemoteCall::Return`, the answer's bytes.".to_string(),
        ];
        // A function's own `{n:#}` is not in the request: the caller gives it.
        let given = (!item.nat_params.is_empty()).then(|| {
            let names = item
                .nat_params
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ");
            docs.push(format!(
                " `counts` are the function's own {names}, which the request does not hold"
            ));
            docs.push(" either: the caller gives them.".to_string());
            let len = Literal::usize_unsuffixed(item.nat_params.len());
            quote!(counts: [u32; #len],)
        });
        quote! {
            impl #name {
                #(#[doc = #docs])*
                pub fn read_answer(&self, bytes: &[u8], #given) -> ::tl_runtime::Result<#rust> {
                    let reader = &mut ::tl_runtime::Reader::new(bytes);
                    #counts
                    let answer = #read?;
                    reader.finish()?;
                    ::core::result::Result::Ok(answer)
                }
            }
        }
    }

    /// The struct, its group structs, its derived-bit methods, `Default` (when listed field by field) and
    /// `Identifiable`.
    fn declaration(&self, item: &Item, place: Place<'_>, kind: &str) -> TokenStream {
        let name = ident(&item.rust_name);
        let generics = Generics::of(item, place);
        let generic_params = generics.params();
        let docs = self.item_docs(item, place, kind);
        let fields = item
            .fields
            .iter()
            .map(|field| self.field_declaration(item, place, field));
        // serde's struct tag (TDLib's `"@type"`) needs named fields, even none.
        let body = if item.fields.is_empty() && generics.is_empty() && !self.options.tdjson {
            quote!(;)
        } else {
            quote!({ #(#fields)* })
        };
        let (attributes, default) = match place.form {
            Form::Owned => (self.struct_attributes(item), default_by_field(item)),
            Form::Borrowed => (self.borrowed_attributes(item.eq_hash), None),
        };
        let new = self.new_fn(item, place);
        let eq = self.eq_impl(
            item.eq_hash,
            generics.bounded(quote!(::core::cmp::Eq)),
            quote!(#name #generic_params),
        );
        let groups = self.group_structs(item, place);
        let derived = derived_bits(item, place);
        let id = hex(item.id);
        quote! {
            #docs
            #attributes
            pub struct #name #generic_params #body
            #eq
            #groups
            #derived
            #default
            #new
            impl #generic_params ::tl_runtime::Identifiable for #name #generic_params {
                const CONSTRUCTOR_ID: u32 = #id;
            }
        }
    }

    /// The struct's docs: the schema's description, the TL definition (wrapped), and a link to Telegram's
    /// reference when asked for.
    fn item_docs(&self, item: &Item, place: Place<'_>, kind: &str) -> TokenStream {
        let description = description(item.description.as_ref(), place);
        let borrowed = (place.form == Form::Borrowed)
            .then(|| super::docs::borrowed_form("types", item.namespace.as_deref(), &item.rust_name));
        let mut lines = vec![
            format!("The TL {kind} `{}`:", item.tl_name),
            String::new(),
            format!("```tl\n{}\n```", super::docs::wrap_definition(&item.definition)),
        ];
        if self.options.telegram_doc_links {
            let page = if kind == "function" { "method" } else { "constructor" };
            lines.push(String::new());
            lines.push(super::docs::telegram_link(page, &item.tl_name));
        }
        lines.extend(super::docs::availability(item.available));
        lines.extend(super::docs::possible_errors(&item.errors, place.depth()));
        if place.form == Form::Owned {
            lines.extend(without_default_docs(item));
        }
        let definition = doc_lines(&lines);
        quote!(#borrowed #description #definition)
    }

    /// For a struct without `Default` that has fields with an empty value: `new`, taking the fields
    /// without one ([`Item::without_default`]) and giving every other field its empty value, so that a
    /// test value of a large struct (`types::Message`) is one call, not every field written out.
    fn new_fn(&self, item: &Item, place: Place<'_>) -> Option<TokenStream> {
        if place.form != Form::Owned || !has_new(item) {
            return None;
        }
        let given = item.without_default.iter().map(|&index| &item.fields[index]);
        let params = given.clone().map(|field| {
            let name = ident(&field.rust_name);
            let ty = self.field_type(item, place, field);
            quote!(#name: #ty)
        });
        let values = item.fields.iter().enumerate().map(|(index, field)| {
            let name = ident(&field.rust_name);
            match field.kind {
                _ if item.without_default.contains(&index) => quote!(#name,),
                FieldKind::Required(TypeRef::Array(size)) => {
                    let size = Literal::usize_unsuffixed(size);
                    quote!(#name: [0; #size],)
                }
                _ => quote!(#name: ::core::default::Default::default(),),
            }
        });
        let name = ident(&item.rust_name);
        let generics = Generics::of(item, place).params();
        let doc = doc_attr(&format!(
            "The value with these fields and every other field empty (`None`, `false`, zero, empty): {}.",
            given
                .map(|field| format!("`{}`", field.rust_name))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        Some(quote! {
            impl #generics #name #generics {
                #doc
                #[allow(clippy::too_many_arguments)]
                pub fn new(#(#params),*) -> Self { Self { #(#values)* } }
            }
        })
    }

    fn field_declaration(&self, item: &Item, place: Place<'_>, field: &crate::model::Field) -> TokenStream {
        let name = ident(&field.rust_name);
        let ty = self.field_type(item, place, field);
        let docs = doc_lines(&super::docs::field_docs(item, field, place.depth()));
        let attributes = (place.form == Form::Owned)
            .then(|| self.field_attributes(&item.tl_name, &field.tl_name, &field.rust_name, &field.kind));
        quote!(#docs #attributes pub #name: #ty,)
    }

    /// The Rust type of a field of `item`.
    fn field_type(&self, item: &Item, place: Place<'_>, field: &crate::model::Field) -> TokenStream {
        match &field.kind {
            FieldKind::Required(ty) => self.rust_type(place, ty),
            FieldKind::Optional(ty) => {
                let rust = self.rust_type(place, ty);
                quote!(::core::option::Option<#rust>)
            }
            FieldKind::Bit => quote!(bool),
            FieldKind::Group(group) => {
                let group = self.group_type(item, *group, place);
                quote!(::core::option::Option<#group>)
            }
        }
    }

    fn group_structs(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let doc = doc_attr(&format!(
            "The params of `{}` that share one flag bit: present together or absent together.",
            item.tl_name
        ));
        let attributes = match place.form {
            Form::Owned => self.group_attributes(item),
            Form::Borrowed => self.borrowed_attributes(item.eq_hash),
        };
        (item.groups.iter())
            // A borrowed struct holds the owned form of a group with nothing to borrow.
            .filter(|group| place.form == Form::Owned || self.model.group_borrows(group))
            .map(|group| {
                let name = ident(&group.rust_name);
                let generics = Generics::named(&group.generics);
                let lifetime = match place.form {
                    Form::Borrowed => Some(quote!(<'a>)),
                    Form::Owned => generics.params(),
                };
                let members = group.members.iter().map(|member| {
                    let member_name = ident(&member.rust_name);
                    let ty = self.rust_type(place, &member.ty);
                    let docs = doc_lines(&super::docs::member_docs(member, place.depth()));
                    let field_attributes = (place.form == Form::Owned).then(|| {
                        self.field_attributes(
                            &item.tl_name,
                            &member.tl_name,
                            &member.rust_name,
                            &FieldKind::Required(member.ty.clone()),
                        )
                    });
                    quote!(#docs #field_attributes pub #member_name: #ty,)
                });
                let into_owned = (place.form == Form::Borrowed).then(|| self.group_into_owned(item, group, place));
                let impl_generics = match place.form {
                    Form::Borrowed => lifetime.clone(),
                    Form::Owned => generics.bounded(quote!(::core::cmp::Eq)),
                };
                let eq = self.eq_impl(item.eq_hash, impl_generics, quote!(#name #lifetime));
                quote! {
                    #doc
                    #attributes
                    pub struct #name #lifetime { #(#members)* }
                    #eq
                    #into_owned
                }
            })
            .collect()
    }

    /// `Serialize`: the encoder, generic over the output (the length pass is the encoder run on a
    /// `tl_runtime::Length`); `id` for a function, written first.
    fn serialize_impl(&self, item: &Item, place: Place<'_>, id: Option<u32>) -> TokenStream {
        let name = ident(&item.rust_name);
        let generics = Generics::of(item, place);
        let (bounds, params) = (generics.bounded(quote!(::tl_runtime::Serialize)), generics.params());
        let output = generics.fresh_name("O");
        let write = self.encoder(item, place, id);
        quote! {
            impl #bounds ::tl_runtime::Serialize for #name #params {
                #[inline]
                fn serialize_into<#output: ::tl_runtime::Output>(&self, out: #output) -> #output {
                    #write
                }
            }
        }
    }

    /// `Deserialize` (`DeserializeBorrowed` for a borrowed struct): `id` for a function, checked first.
    fn deserialize_impl(&self, item: &Item, place: Place<'_>, id: Option<u32>) -> TokenStream {
        let name = ident(&item.rust_name);
        let generics = Generics::of(item, place);
        let (bounds, params) = (generics.bounded(quote!(::tl_runtime::Deserialize)), generics.params());
        let tl_name = &item.tl_name;
        let check_id = id.map(|id| {
            let id = hex(id);
            quote!(reader.expect_id(#id, #tl_name)?;)
        });
        let mut body = self.decoder(item, place);
        if item.recursive_bare {
            // On a cycle of bare references no enum sees: the struct counts its own nesting.
            body = quote!(reader.nested(|reader| { #body }));
        }
        let min = Literal::usize_unsuffixed(id.map_or(0, |_| 4) + item.min_bare_size);
        // What the decoder's reads and final value use: `Err` only when something is read.
        let imports = if item.plan.is_empty() {
            quote!(
                use ::core::result::Result::Ok;
            )
        } else {
            quote!(
                use ::core::result::Result::{Err, Ok};
            )
        };
        let function = quote! {
            #imports
            #check_id
            #body
        };
        match place.form {
            Form::Owned if id.is_none() && !generics.names.is_empty() => {
                let doc = format!(" Reads the bare `{tl_name}`, {}.", read_by_doc(&generics.names));
                let with_readers = with_readers_fn(&doc, &generics.names, None, function);
                let deserialize = generics.delegating_deserialize(&name, &min);
                quote! {
                    impl #params #name #params { #with_readers }
                    #deserialize
                }
            }
            Form::Owned => quote! {
                impl #bounds ::tl_runtime::Deserialize for #name #params {
                    const MIN_SIZE: usize = #min;
                    #[inline]
                    fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> { #function }
                }
            },
            Form::Borrowed => quote! {
                impl<'a> ::tl_runtime::DeserializeBorrowed<'a> for #name<'a> {
                    const MIN_SIZE: usize = #min;
                    #[inline]
                    fn deserialize_borrowed(reader: &mut ::tl_runtime::Reader<'a>) -> ::tl_runtime::Result<Self> {
                        #function
                    }
                }
            },
        }
    }

    /// The decoder of a constructor or function with natural-number parameters (`tuple {t:Type} {n:#}
    /// [t]`): an inherent `deserialize_with_counts`, given the counts its type is applied to (a function:
    /// its own, which are not on the wire), not `Deserialize`, which has no way to take them. A function's
    /// (`id`) reads its constructor id first.
    fn counted_decoder(&self, item: &Item, place: Place<'_>, id: Option<u32>) -> TokenStream {
        let name = ident(&item.rust_name);
        let tl_name = &item.tl_name;
        let check_id = id.map(|id| {
            let id = hex(id);
            quote!(reader.expect_id(#id, #tl_name)?;)
        });
        let generics = Generics::of(item, place);
        let (bounds, params) = (generics.bounded(quote!(::tl_runtime::Deserialize)), generics.params());
        let mut body = self.decoder(item, place);
        if item.recursive_bare {
            body = quote!(reader.nested(|reader| { #body }));
        }
        let imports = match item.plan.is_empty() {
            true => quote!(
                use ::core::result::Result::Ok;
            ),
            false => quote!(
                use ::core::result::Result::{Err, Ok};
            ),
        };
        let doc = format!(
            " Reads the {} `{}` given its counts ({}), which are not on the wire.",
            if id.is_some() { "boxed" } else { "bare" },
            item.tl_name,
            item.nat_params
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let counts = count_locals(&item.count_params_used());
        let body = quote!(#imports #check_id #counts #body);
        if generics.names.is_empty() {
            let function = with_counts_fn(&doc, item.nat_params.len(), body);
            return quote!(impl #bounds #name #params { #function });
        }
        let doc_with = format!("{}, {}.", doc.trim_end_matches('.'), read_by_doc(&generics.names));
        let with_readers = with_readers_fn(&doc_with, &generics.names, Some(item.nat_params.len()), body);
        let delegate = generics.delegating_with_counts(&name, &doc, item.nat_params.len());
        quote! {
            impl #params #name #params { #with_readers }
            #delegate
        }
    }

    /// `RemoteCall`: the function's answer type (for a generic function, its query's answer).
    fn remote_call(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let name = ident(&item.rust_name);
        let generics = Generics::of(item, place);
        let params = generics.params();
        let mut names_query = false;
        item.result
            .visit(&mut |ty| names_query |= matches!(ty, TypeRef::Generic(_)));
        let bounds = match names_query {
            true => generics.bounded(quote!(::tl_runtime::RemoteCall)),
            false => generics.bounded(quote!(::tl_runtime::Serialize)),
        };
        let answer = self.answer_type(place, &item.result);
        quote!(impl #bounds ::tl_runtime::RemoteCall for #name #params { type Return = #answer; })
    }

    /// A function's answer type: its query's answer where it names `X` of `!X` (`= X`, `= ReqResult X`).
    fn answer_type(&self, place: Place<'_>, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Generic(query) => {
                let query = ident(query);
                quote!(<#query as ::tl_runtime::RemoteCall>::Return)
            }
            TypeRef::Apply(generic, args) => {
                let generic = self.rust_type(place, generic);
                let args = args.iter().map(|arg| self.answer_type(place.owned_values(), arg));
                quote!(#generic<#(#args),*>)
            }
            TypeRef::Vector(element) => {
                let element = self.answer_type(place, element);
                quote!(::std::vec::Vec<#element>)
            }
            // A `bytes` answer is read as TL's bytes, not as a `Vector` of `u8`.
            other if super::types::is_bytes(other) => quote!(::tl_runtime::Bytes),
            other => self.rust_type(place, other),
        }
    }
}

impl Emitter<'_> {
    /// The group struct `group` of `item` as a type in `place`: in a borrowed struct, the borrowed group
    /// when it borrows, else the owned one.
    pub(super) fn group_type(&self, item: &Item, group: usize, place: Place<'_>) -> TokenStream {
        let path = self.group_path(item, group, place);
        match place.form {
            Form::Borrowed if self.model.group_borrows(&item.groups[group]) => quote!(#path<'a>),
            _ => {
                let params = Generics::named(&item.groups[group].generics).params();
                quote!(#path #params)
            }
        }
    }

    /// The path of the group struct `group` of `item` from `place` (for a struct expression).
    pub(super) fn group_path(&self, item: &Item, group: usize, place: Place<'_>) -> TokenStream {
        let group = &item.groups[group];
        let name = ident(&group.rust_name);
        match place.form {
            Form::Borrowed if !self.model.group_borrows(group) => {
                let owned = super::item_path("types", item.namespace.as_deref(), &group.rust_name);
                let path = crate::rust_text::tokens(&owned).expect("a path");
                let supers = (0..place.depth()).map(|_| quote!(super::));
                quote!(#(#supers)* #path)
            }
            _ => quote!(#name),
        }
    }
}

/// `impl Default` field by field, for a struct with an array longer than the standard library's `Default`
/// covers: zero bytes for such arrays, each other field's own default.
fn default_by_field(item: &Item) -> Option<TokenStream> {
    if item.default != Some(DefaultImpl::ByField) {
        return None;
    }
    let fields = item.fields.iter().map(|field| {
        let name = ident(&field.rust_name);
        match field.kind {
            FieldKind::Required(TypeRef::Array(size)) => {
                let size = Literal::usize_unsuffixed(size);
                quote!(#name: [0; #size],)
            }
            _ => quote!(#name: ::core::default::Default::default(),),
        }
    });
    let name = ident(&item.rust_name);
    Some(quote! {
        impl ::core::default::Default for #name {
            #[inline]
            fn default() -> Self { Self { #(#fields)* } }
        }
    })
}

/// Whether the struct gets a `new`: it has no `Default`, and some fields have an empty value.
fn has_new(item: &Item) -> bool {
    !item.without_default.is_empty() && item.without_default.len() < item.fields.len()
}

/// Why a struct has no `Default`, and its `new`, for its docs.
fn without_default_docs(item: &Item) -> Vec<String> {
    if item.without_default.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = (item.without_default.iter())
        .map(|&index| format!("`{}`", item.fields[index].rust_name))
        .collect();
    let (fields, have) = match names.len() {
        1 => (names[0].clone(), "has"),
        _ => (names.join(", "), "have"),
    };
    let mut lines = vec![
        String::new(),
        format!(
            "No `Default`: {fields} {have} no empty value (a type's is its `...Empty` constructor, or its only \
             one; a type parameter or an extern type has none)."
        ),
    ];
    if has_new(item) {
        lines.push(format!(
            "[`Self::new`] takes {fields} and gives every other field its empty value."
        ));
    }
    lines
}

/// `?true` params that share their bit with a value: methods reporting the value's presence.
fn derived_bits(item: &Item, place: Place<'_>) -> Option<TokenStream> {
    if item.derived.is_empty() {
        return None;
    }
    let methods = item.derived.iter().map(|derived| {
        let method = ident(&derived.rust_name);
        let owner = &item.fields[derived.from_field];
        let from = ident(&owner.rust_name);
        let value = match owner.kind {
            FieldKind::Bit => quote!(self.#from),
            _ => quote!(self.#from.is_some()),
        };
        let doc = doc_attr(&format!(
            "`{}`: a flag bit, set exactly when `{}` is present.",
            derived.tl_name, owner.rust_name
        ));
        quote!(#doc pub fn #method(&self) -> bool { #value })
    });
    let name = ident(&item.rust_name);
    let params = Generics::of(item, place).params();
    Some(quote!(impl #params #name #params { #(#methods)* }))
}

/// `pub fn deserialize_with_counts(reader, counts: [u32; N])` with `body`, which reads the counts given.
pub(super) fn with_counts_fn(doc: &str, how_many: usize, body: TokenStream) -> TokenStream {
    let len = Literal::usize_unsuffixed(how_many);
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn deserialize_with_counts(
            reader: &mut ::tl_runtime::Reader<'_>,
            counts: [u32; #len],
        ) -> ::tl_runtime::Result<Self> {
            #body
        }
    }
}

/// `pub fn deserialize_with(reader, [counts,] read_x, ...)` with `body`: the decoder of a generic type, the
/// values of each type parameter (`names`) read by the function given for it (its `Deserialize`, or for a
/// type read given counts, a closure that gives them). `counts`: how many natural-number parameters
/// come first, if any.
pub(super) fn with_readers_fn(
    doc: &str,
    names: &[proc_macro2::Ident],
    counts: Option<usize>,
    body: TokenStream,
) -> TokenStream {
    let counts = counts.map(|how_many| {
        let len = Literal::usize_unsuffixed(how_many);
        quote!(counts: [u32; #len],)
    });
    let readers = names.iter().map(|name| {
        let reader = super::types::param_reader(&name.to_string());
        quote!(#reader: &impl ::core::ops::Fn(&mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<#name>)
    });
    let how = " `Deserialize` gives each parameter's own `deserialize`; a type read given counts \
               (`Maybe (Tuple int 3)`) gives a closure that reads it with them.";
    quote! {
        #[doc = #doc]
        #[doc = ""]
        #[doc = #how]
        #[inline]
        pub fn deserialize_with(
            reader: &mut ::tl_runtime::Reader<'_>,
            #counts
            #(#readers),*
        ) -> ::tl_runtime::Result<Self> {
            #body
        }
    }
}

/// How a generic decoder reads its parameters' values, for its docs: "each value of a type parameter by
/// the function given for it (`T` by `read_t`)".
pub(super) fn read_by_doc(names: &[proc_macro2::Ident]) -> String {
    let each = names.iter().map(|name| {
        let reader = super::types::param_reader(&name.to_string());
        format!("`{name}` by `{reader}`")
    });
    format!(
        "each value of a type parameter by the function given for it ({})",
        each.collect::<Vec<_>>().join(", ")
    )
}

/// The counts a function's answer is read with, as the locals its read names: `let field_2 = self.n;` for
/// a field of the request, `let count_0 = counts[0];` for the function's own `{n:#}` (given by the caller).
fn answer_counts(item: &Item, answer: &TypeRef) -> TokenStream {
    let mut sources = Vec::new();
    answer.visit(&mut |inner| match inner {
        TypeRef::Counts(_, sums) => sources.extend(sums.iter().map(|sum| sum.source)),
        TypeRef::Counted(_, count) => sources.push(*count),
        _ => {}
    });
    sources.sort();
    sources.dedup();
    let bind = sources.into_iter().map(|source| match source {
        crate::model::CountSource::Field(field) => {
            let (local, name) = (super::reads::field_local(field), ident(&item.fields[field].rust_name));
            quote!(let #local = self.#name;)
        }
        crate::model::CountSource::Param(k) => {
            let (local, k) = (super::reads::count_local(k), Literal::usize_unsuffixed(k));
            quote!(let #local = counts[#k];)
        }
        // A number is written in place; an answer is no repetition's item.
        crate::model::CountSource::Const(_) | crate::model::CountSource::Item(_) => quote!(),
    });
    bind.collect()
}

/// `let [count_0, _, count_2] = counts;`: the counts an item's fields read (`used`, by position).
fn count_locals(used: &[bool]) -> TokenStream {
    let locals = used.iter().enumerate().map(|(k, used)| match used {
        true => super::reads::count_local(k).into_token_stream(),
        false => quote!(_),
    });
    quote!(let [#(#locals),*] = counts;)
}
