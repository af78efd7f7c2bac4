//! Decodes one recursive type of layer 230 nested `levels` deep (the shortest cycle back to itself) with a
//! depth limit, on a thread with a given stack. It exits 0 when decoding ends (with `TooDeep` or a value)
//! and aborts on a stack overflow: `scripts/stack-per-level.sh` searches the smallest stack that holds.
//!
//! ```sh
//! stack-probe <type name, e.g. JSONValue> <depth limit> <stack bytes>
//! stack-probe --list      # the recursive types, one a line
//! stack-probe --cycles    # a cycle through each recursive edge, one a line
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args == ["--cycles"] {
        let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
        for cycle in tl_tests::nesting::cycles(&model) {
            println!("{}", cycle.describe(&model));
        }
        return;
    }
    if args == ["--list"] {
        let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
        for ty in model.types.iter().filter(|t| t.recursive) {
            println!("{}", ty.tl_name);
        }
        return;
    }
    let [name, limit, stack] = args.as_slice() else {
        eprintln!("usage: stack-probe <type name> <depth limit> <stack bytes>");
        std::process::exit(2);
    };
    let limit: u32 = limit.parse().expect("a depth limit");
    let stack: usize = stack.parse().expect("a stack size");
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let index = (model.types.iter())
        .position(|t| &t.tl_name == name)
        .unwrap_or_else(|| panic!("no type {name}"));
    let cycle = (tl_tests::nesting::cycles(&model).into_iter())
        .find(|c| c.start == tl_tests::nesting::Start::Type(index))
        .unwrap_or_else(|| panic!("{name} is not recursive"));
    let bytes = tl_tests::nesting::nested(&model, &cycle, limit as usize + 8);
    let decode = tl_full_schema::boxed::layer230::decoder(index).expect("a boxed type");
    let decoded = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || decode(&mut tl_runtime::Reader::with_max_depth(&bytes, limit)))
        .expect("a thread")
        .join()
        .expect("no panic");
    println!(
        "{}: {:?}",
        cycle.describe(&model),
        decoded.map_err(|e| e.kind().clone())
    );
}
